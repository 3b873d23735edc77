#pragma once
// One transfer: the easy handle and everything its options point to, owned
// together. libcurl still calls back while curl_easy_cleanup runs (the debug
// callback when it saves a cookie jar, an HSTS or an alt-svc cache), and it
// unlinks the -F mime structure there: so the handle goes first, then what it
// pointed to. What must outlive the transfer is copied out as plain values.

#include <curl/curl.h>

#include <cstdio>
#include <optional>
#include <string>

#include "apply/apply.hpp"
#include "apply/curl_handles.hpp"
#include "apply/libcurl_source.hpp"
#include "cli/config.hpp"
#include "common/io.hpp"
#include "creds/plan.hpp"
#include "perform/output.hpp"
#include "perform/progress_bar.hpp"
#include "perform/trace.hpp"

namespace dbcurl {

// What every transfer of one run shares; it outlives them all.
struct Session {
  const GlobalConfig& global;
  CURLSH* share;
  std::FILE* trace_stream;        // -v/--trace, else null
  Io io;                          // io.secrets: redacted from -v/--trace and -w
  LibcurlSource* libcurl_source;  // --libcurl, else null
};

// What a transfer ended with.
struct Outcome {
  int code = 0;  // curl's exit code for it
  std::string message;
  long status = 0;         // HTTP response code
  bool synthetic = false;  // the binary guard stopped it: curl prints no "(N)" line
  bool stops_run = false;  // its output, -D or -T file failed to open: curl runs no later transfer
};

class Transfer {
 public:
  // output receives the body and headers; it must outlive the transfer.
  // time_left_ms: a -m for this transfer alone (--paginate's pages); 0: -m.
  Transfer(const Session& session, const PlannedTransfer& planned, BodyOutput& output, long time_left_ms = 0);
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer();

  // Null only when curl_easy_init failed.
  CURL* easy() const { return easy_.get(); }
  // False when setting up failed: outcome() then says why.
  bool ready() const { return ready_; }
  // Runs it (again, for --retry: curl reuses the handle, and starts the
  // upload over) with curl_easy_perform. Only when ready().
  const Outcome& perform();
  // Records libcurl's result for a transfer that ran (on a multi handle).
  const Outcome& finish(CURLcode result);
  const Outcome& outcome() const { return outcome_; }
  // The output failed at its flush or close after the transfer: curl's (23).
  void failed_writing_body();

 private:
  bool dbcurl_fails() const;
  void fail(int code, std::string message, bool stops_run = false);
  bool open_upload(const std::string& path, TransferSinks& sinks);
  static void read_standard_input(TransferSinks& sinks);

  const PlannedTransfer& planned_;
  BodyOutput& output_;
  const Diagnostics& diagnostics_;
  TraceWriter trace_;
  std::optional<ProgressBar> progress_bar_;
  AppliedTransfer applied_;
  OwnedFile upload_file_;  // -T FILE
  char error_buffer_[CURL_ERROR_SIZE] = {};
  Outcome outcome_;
  bool ready_ = true;
  EasyHandle easy_;  // last: destroyed first (the destructor also says so)
};

}  // namespace dbcurl
