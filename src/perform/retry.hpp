#pragma once
// curl 7.88's --retry rules, as a pure decision: what to retry, how long to
// wait (doubling from 1 s, or --retry-delay, or the server's Retry-After on
// 429/503 and the other transient HTTP codes; an FTP 4xx reply is transient
// too), and the warning curl prints.

#include <chrono>
#include <optional>
#include <string>

namespace dbcurl {

struct RetryPolicy {
  long retries = 0;                 // --retry
  long delay_seconds = 0;           // --retry-delay; 0: doubling from 1 s
  long max_time_seconds = 0;        // --retry-max-time; 0: no limit
  bool all_errors = false;          // --retry-all-errors
  bool connection_refused = false;  // --retry-connrefused
  bool fail = false;                // -f or --fail-with-body: HTTP errors end as 22
};

// The schemes curl's --retry looks at: HTTP(S) status codes, FTP(S) 4xx replies.
enum class RetryScheme { kHttp, kFtp, kOther };

// CURLINFO_SCHEME's answer (upper case; null when none) as --retry sees it.
RetryScheme retry_scheme(const char* scheme);

struct AttemptFacts {
  int result = 0;  // CURLcode
  long response_code = 0;
  RetryScheme scheme = RetryScheme::kHttp;
  long retry_after_seconds = 0;          // CURLINFO_RETRY_AFTER
  bool refused = false;                  // OS errno was ECONNREFUSED
  std::chrono::milliseconds elapsed{0};  // since the first attempt
};

struct RetryState {
  long left = 0;
  std::chrono::milliseconds sleep{1000};
  explicit RetryState(const RetryPolicy& policy)
      : left(policy.retries), sleep(policy.delay_seconds > 0 ? policy.delay_seconds * 1000 : 1000) {}
};

struct RetryDecision {
  std::chrono::milliseconds delay;
  std::string warning;  // without "Warning: "; empty when none
  bool retry = true;
};

// nullopt: do not retry. Updates state when it says retry.
std::optional<RetryDecision> decide_retry(const RetryPolicy& policy, RetryState& state, const AttemptFacts& facts);

}  // namespace dbcurl
