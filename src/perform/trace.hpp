#pragma once
// -v, --trace and --trace-ascii in curl's formats, from libcurl's debug
// callback. Everything passes through redact_trace first (SPEC §7): this is an
// intended difference from curl, and it touches only diagnostic output.

#include <curl/curl.h>

#include <cstdio>
#include <string_view>

#include "cli/config.hpp"

namespace dbcurl {

class TraceWriter {
 public:
  // show_data_notes: whether -v prints "{ [N bytes data]" (curl omits them
  // when the body itself goes to a terminal that the trace shares).
  TraceWriter(TraceMode mode, std::FILE* out, bool with_time, bool show_data_notes)
      : mode_(mode), out_(out), with_time_(with_time), show_data_notes_(show_data_notes) {}

  static int callback(CURL* easy, curl_infotype type, char* data, std::size_t size, void* self);

 private:
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
};

}  // namespace dbcurl
