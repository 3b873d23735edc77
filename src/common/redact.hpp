#pragma once
// Redaction for everything dbcurl itself writes (docs/SECURITY.md). Three rules:
//  1. every secret registered this run is replaced: anywhere when it is long
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
#include <string>
#include <string_view>

namespace dbcurl {

void register_secret(std::string_view secret);
std::string redacted_form(std::string_view secret);
// Rules 1 and 2: for messages, --explain and -w values.
std::string redact_text(std::string_view text);
// Rules 1, 2 and 3, line by line: for text that is complete (--explain).
std::string redact_trace(std::string_view data);

// Rules 1, 2 and 3 over a stream that arrives in pieces, such as a header
// block that libcurl hands over in two calls, cut anywhere, even inside a
// token. Whole lines are redacted; a partial line is held until it ends.
class RedactingStream {
 public:
  // A line held longer than this is let out in part (pause()).
  static constexpr std::size_t kMaxHeldLine = 64 * 1024;

  RedactingStream() = default;
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
  std::string held_;
  bool dropping_value_ = false;  // the rest of an Authorization value already shown redacted
};

}  // namespace dbcurl
