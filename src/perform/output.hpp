#pragma once
// Where a transfer's body (and, with -i, its headers) goes: stdout or an -o
// file, created on the first write as curl creates it.

#include <curl/curl.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "apply/curl_handles.hpp"
#include "cli/config.hpp"
#include "common/diagnostics.hpp"

namespace dbcurl {

// An HTTP response code from here up is an error (curl's -f and --fail-with-body).
inline constexpr long kHttpErrorThreshold = 400;

class BodyOutput {
 public:
  // path: nullopt for stdout; "-" is stdout too, and then binary is allowed.
  // diagnostics: where its warnings and errors go; it must outlive the output.
  BodyOutput(const Diagnostics& diagnostics, std::optional<std::string> path, bool include_headers);
  BodyOutput(const BodyOutput&) = delete;
  BodyOutput& operator=(const BodyOutput&) = delete;
  ~BodyOutput();

  static std::size_t body_callback(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t header_callback(char* data, std::size_t size, std::size_t count, void* self);

  // Keeps a copy of a body answered with HTTP >= 400 (at most 64 KiB), for
  // the Databricks error line; with hold, such a body is not written at all
  // (dbcurl's -f on workspace requests, which must read what libcurl's -f drops).
  void keep_error_body(CURL* easy, bool hold);
  // The transfer whose scheme decides whether -i shows its headers (curl: HTTP(S), RTSP, FILE only).
  void set_transfer(CURL* easy) { transfer_ = easy; }
  const std::string& error_body() const { return error_body_; }
  // Collects the body in memory instead of writing it (--paginate's pages).
  void collect_into(std::string* body) { collected_ = body; }
  // Writes a finished document, as the body would have been written.
  bool write_document(std::string_view text) { return write(text.data(), text.size()) == text.size(); }
  // Before a retry, as curl: a file loses the body bytes this attempt wrote
  // (cut back to where it started, the -C offset); headers written with -i
  // stay, and stdout cannot be rewound.
  void rewind_for_retry();
  // How the output file is made and written.
  struct FileOptions {
    bool create_dirs = false;      // --create-dirs
    long long resume_from = 0;     // -C: the file is appended to from this offset; -1: the server's size (-T)
    bool remove_on_error = false;  // --remove-on-error
    TransferConfig::Clobber clobber = TransferConfig::Clobber::kDefault;
    bool name_from_header = false;          // -J with -O: Content-Disposition names the file
    std::optional<std::string> output_dir;  // --output-dir, for a -J name
    bool no_buffer = false;                 // -N: flush every write
    bool styled = true;                     // bold header names on a terminal
    bool silent = false;                    // -s: no "Throwing away" line
  };
  void set_file_options(FileOptions options) { options_ = std::move(options); }
  // -D: every received header also goes here ("-" is stdout). The file is
  // emptied by the first transfer of an option group and appended to by the
  // others, as curl does.
  void dump_headers_to(std::string path, bool first_of_group);
  // What curl does before the transfer starts: --create-dirs makes the
  // directories (0750), -C with an offset opens the file to append, -D opens
  // its file. False after curl's message when that fails: the transfer then
  // fails with curl's write error.
  bool prepare();
  // --etag-save: created now, as curl creates it before the transfer ("-" is
  // stdout). False (after curl's warning) when it cannot be: curl then skips
  // the transfer.
  bool save_etag_to(const std::string& path);

  bool to_terminal() const { return terminal_; }
  long long resume_from() const { return options_.resume_from; }
  // The binary-to-terminal guard stopped the transfer (curl's synthetic error:
  // exit 23 with no "(23)" line).
  bool refused_binary() const { return refused_binary_; }
  // Ends the output. A successful transfer with no body still leaves an empty
  // file, unless no body was due: an unmet -z condition, or a 304. False
  // when the output could not be flushed or closed (a full disk, a closed pipe).
  bool finish(bool transfer_ok, bool no_body_due = false);
  const std::string& filename() const { return filename_; }

 private:
  bool ensure_open();
  std::size_t write(const char* data, std::size_t size);
  bool error_status() const;
  bool open_file();
  bool take_header_name(std::string_view header);
  void save_etag(std::string_view header);

  const Diagnostics& diagnostics_;
  std::optional<std::string> path_;
  std::string filename_;
  bool include_headers_;
  bool terminal_ = false;
  bool binary_ok_ = false;
  bool refused_binary_ = false;
  bool open_failed_ = false;
  bool finished_ = false;
  OutputStream stream_;
  std::size_t body_bytes_ = 0;  // of this attempt: what a retry throws away
  CURL* easy_ = nullptr;        // set by keep_error_body
  CURL* transfer_ = nullptr;
  bool hold_errors_ = false;
  std::string error_body_;
  std::string* collected_ = nullptr;
  std::optional<std::string> dump_path_;
  bool dump_first_ = true;
  OutputStream dump_;
  FileOptions options_;
  bool name_from_header_done_ = false;
  bool header_named_ = false;  // the file name came from Content-Disposition: never overwrite
  OutputStream etag_;
};

// -R and --xattr, once a transfer into path has succeeded (curl's order:
// referrer, MIME type, origin URL without credentials).
void set_file_metadata(const Diagnostics& diagnostics, CURL* easy, const std::string& path, const std::string& url,
                       bool remote_time, bool xattr);

// The name a Content-Disposition header's filename= gives, as curl 7.88
// reads it: quotes and any directory part dropped; nullopt when none.
std::optional<std::string> content_disposition_filename(std::string_view header);

}  // namespace dbcurl
