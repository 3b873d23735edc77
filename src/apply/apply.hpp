#pragma once
// Config + plan → libcurl options. The only code that calls curl_easy_setopt.

#include <curl/curl.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "apply/curl_handles.hpp"
#include "apply/libcurl_source.hpp"
#include "cli/config.hpp"
#include "common/environment.hpp"
#include "common/result.hpp"
#include "creds/classify.hpp"

namespace dbcurl {

// Where libcurl's callbacks deliver; owned by the perform stage.
struct TransferSinks {
  curl_write_callback write_body = nullptr;
  void* body_data = nullptr;
  curl_write_callback write_header = nullptr;
  void* header_data = nullptr;
  curl_debug_callback trace = nullptr;  // null: no -v/--trace
  void* trace_data = nullptr;
  std::FILE* error_stream = nullptr;  // libcurl's progress meter goes here
  bool progress_meter = false;
  curl_xferinfo_callback progress = nullptr;  // -#: replaces libcurl's meter
  void* progress_data = nullptr;
  char* error_buffer = nullptr;  // CURL_ERROR_SIZE bytes
  // -T's file, else standard input: curl's tool reads through its callback
  // also without -T (what TELNET sends, SMTP's mail).
  curl_read_callback read_upload = nullptr;
  curl_seek_callback seek_upload = nullptr;  // rewinds a body libcurl must send again
  void* upload = nullptr;                    // the callbacks' data
  bool uploading = false;                    // -T
  long long upload_size = -1;                // -1: unknown (stdin): chunked
  long long resume_from = 0;                 // -C, resolved against the output file; -1: the server's size
  bool wait_for_multiplexing = false;        // -Z without --parallel-immediate
  long time_left_ms = 0;                     // --paginate: what is left of -m for all pages; 0: -m
  LibcurlSource* source = nullptr;           // --libcurl: records every setopt
};

// Strings libcurl keeps pointers to must outlive the transfer.
struct AppliedTransfer {
  HeaderList headers;
  HeaderList proxy_headers;
  HeaderList resolve;
  HeaderList connect_to;
  MimeHandle form;
  std::vector<std::unique_ptr<HeaderList>> form_headers;  // owned by their parts once set
  std::vector<std::unique_ptr<HeaderList>> other_lists;   // -Q, -t, --mail-rcpt
};

// The User-Agent of a request: curl's for plain requests, dbcurl's with the
// auth mode for workspace requests.
// What curl prints for a libcurl failure: libcurl's detail from the error
// buffer when it wrote one, else the generic text for the code.
std::string curl_error_text(CURLcode result, const char* error_buffer);

std::string default_user_agent(const RequestPlan& plan);

// Where certificates come from: --cacert/--capath, else, when a peer is
// verified, the first set of the variables curl 7.88's tool reads, in its
// order (CURL_CA_BUNDLE, SSL_CERT_DIR, SSL_CERT_FILE); unset: libcurl's default.
struct CaLocations {
  std::optional<std::string> file;
  std::optional<std::string> directory;
};
CaLocations ca_locations(const std::optional<std::string>& cacert, const std::optional<std::string>& capath,
                         bool verifies_peer, const Environment& env);

Status apply_transfer(CURL* easy, CURLSH* share, const TransferConfig& transfer, const RequestPlan& plan,
                      const TransferSinks& sinks, const Environment& env, AppliedTransfer& owned);

}  // namespace dbcurl
