#pragma once
// -v, --trace and --trace-ascii in curl's formats, from libcurl's debug
// callback. All text passes through a RedactingStream first, one per kind of
// data, so that a token cut between two calls is still redacted (docs/SECURITY.md):
// this is an intended difference from curl, and it touches only diagnostic
// output.

#include <curl/curl.h>

#include <array>
#include <cstdio>
#include <string_view>

#include "cli/config.hpp"
#include "common/redact.hpp"

namespace dbcurl {

class TraceWriter {
 public:
  // show_data_notes: whether -v prints "{ [N bytes data]" (curl omits them
  // when the body itself goes to a terminal that the trace shares).
  // secrets: what is redacted; it must outlive the writer.
  TraceWriter(const SecretRegistry& secrets, TraceMode mode, std::FILE* out, bool with_time, bool show_data_notes)
      : mode_(mode),
        out_(out),
        with_time_(with_time),
        show_data_notes_(show_data_notes),
        streams_{RedactingStream(secrets), RedactingStream(secrets), RedactingStream(secrets), RedactingStream(secrets),
                 RedactingStream(secrets)} {}

  TraceWriter(const TraceWriter&) = delete;
  TraceWriter& operator=(const TraceWriter&) = delete;
  ~TraceWriter() { finish(); }

  static int callback(CURL* easy, curl_infotype type, char* data, std::size_t size, void* self);
  // The end of the transfer: shows what is still held (a last partial line).
  void finish();

 private:
  void take(curl_infotype type, std::string_view data);
  void show(curl_infotype type, std::string_view data);
  void verbose(curl_infotype type, std::string_view data);
  void dump(std::string_view label, std::string_view data);
  void line_prefix(char marker);
  std::string timestamp() const;

  TraceMode mode_;
  std::FILE* out_;
  bool with_time_;
  bool show_data_notes_;
  bool mid_line_ = false;    // the last write did not end a line
  bool noted_data_ = false;  // "[N bytes data]" already said for this run of data
  // The text kinds: CURLINFO_TEXT, _HEADER_IN, _HEADER_OUT, _DATA_IN, _DATA_OUT.
  static_assert(CURLINFO_SSL_DATA_IN == 5, "one stream per text kind, initialised in the constructor");
  std::array<RedactingStream, CURLINFO_SSL_DATA_IN> streams_;
  curl_infotype last_text_ = CURLINFO_END;  // the kind of text the last call brought
};

}  // namespace dbcurl
