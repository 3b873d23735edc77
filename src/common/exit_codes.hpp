#pragma once
// Exit codes. Transfer errors are libcurl's CURLcode values (0-99), usage
// errors are 2 as in curl, and dbcurl's own failures live in 100-119 so that
// scripts can tell them from curl's and from a shell's 124+. docs/exit-codes.md
// lists the same table for users.

namespace dbcurl::exit_code {

inline constexpr int kOk = 0;
inline constexpr int kUnsupportedProtocol = 1;     // CURLE_UNSUPPORTED_PROTOCOL: --proto-default
inline constexpr int kUsage = 2;                   // CURLE_FAILED_INIT: curl's option errors
inline constexpr int kUrlMalformat = 3;            // CURLE_URL_MALFORMAT: bad globs
inline constexpr int kReadError = 26;              // CURLE_READ_ERROR: unreadable @file, -K file
inline constexpr int kPasswordRefused = 100;       // password use on a workspace request
inline constexpr int kNoCredentials = 101;         // workspace request, nothing resolved
inline constexpr int kConfigInvalid = 102;         // ~/.databrickscfg, config.toml or netrc unusable
inline constexpr int kHelperFailed = 103;          // token_command, databricks CLI or az failed
inline constexpr int kPlainHttpRefused = 104;      // credentials over cleartext: http:// off loopback, proxy, ftp://
inline constexpr int kAmbiguousHost = 105;         // two profiles claim one host
inline constexpr int kUnsupportedAuth = 106;       // auth_type dbcurl cannot do yet
inline constexpr int kUnsafeInput = 107;           // a header line break, or a token with a control character
inline constexpr int kPaginationRunaway = 108;     // --paginate: a repeated page token, or the page limit
inline constexpr int kPaginationIncomplete = 109;  // --paginate: a page or the request body is not a JSON object
inline constexpr int kTokenRequestFailed = 110;    // a token endpoint or identity provider failed or refused

// dbcurl's own failures: 100-119.
constexpr bool is_dbcurl_failure(int code) { return code >= 100 && code <= 119; }

}  // namespace dbcurl::exit_code
