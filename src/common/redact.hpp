#pragma once
// Redaction for everything dbcurl itself writes (docs/SECURITY.md). Three rules:
//  1. every secret registered this run (SecretRegistry) is replaced: anywhere when it is long
//     enough to be unambiguous, else only where it stands as a whole value
//     (after ':' or '='), so that a password such as "password" does not blank
//     that word out of dbcurl's own messages;
//  2. Databricks PAT shapes ("dapi" + 32 hex, optional "-N") are replaced;
//  3. in trace output, any Authorization / Proxy-Authorization value is
//     replaced, in every spelling libcurl prints ("Authorization: Basic …",
//     HTTP/2's "h2h3 [authorization: Bearer …]"), whatever the scheme.
// The redacted form keeps four characters to recognise the token by:
// "dapi…(redacted)".

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/secret.hpp"

namespace dbcurl {

std::string redacted_form(std::string_view secret);

// The secrets of one run: each is added where it is read (config files,
// helpers, token endpoints, the command line) and replaced in everything
// printed after. One per run, made by main; tests make their own.
class SecretRegistry {
 public:
  SecretRegistry() = default;
  SecretRegistry(const SecretRegistry&) = delete;
  SecretRegistry& operator=(const SecretRegistry&) = delete;

  // Also adds its form- and URL-encoded forms; secrets shorter than 8 bytes
  // are not worth the noise of replacing them.
  void add(std::string_view secret);
  // Rules 1 and 2: for messages, --explain and -w values.
  std::string redact_text(std::string_view text) const;
  // Rules 1, 2 and 3, line by line: for text that is complete (--explain).
  std::string redact_trace(std::string_view data) const;

 private:
  friend class RedactingStream;
  std::vector<std::unique_ptr<SecretString>> secrets_;  // wiped when the registry goes
};

// Rules 1, 2 and 3 over a stream that arrives in pieces, such as a header
// block that libcurl hands over in two calls, cut anywhere, even inside a
// token. Whole lines are redacted; a partial line is held until it ends.
class RedactingStream {
 public:
  // A line held longer than this is let out in part (pause()).
  static constexpr std::size_t kMaxHeldLine = 64 * 1024;

  // secrets must outlive the stream.
  explicit RedactingStream(const SecretRegistry& secrets) : secrets_(secrets) {}
  RedactingStream(const RedactingStream&) = delete;
  RedactingStream& operator=(const RedactingStream&) = delete;
  ~RedactingStream();

  // What can be shown once piece has arrived: the complete lines, redacted.
  std::string write(std::string_view piece);
  // For when the stream pauses (other output comes between): the held part
  // of the line that cannot be the start of a secret, redacted. A tail that
  // could begin one stays held; an Authorization value is shown redacted and
  // what follows of it in the next pieces is dropped.
  std::string pause();
  // The end of the stream: everything held, redacted.
  std::string finish();

 private:
  const SecretRegistry& secrets_;
  std::string held_;
  bool dropping_value_ = false;  // the rest of an Authorization value already shown redacted
};

}  // namespace dbcurl
