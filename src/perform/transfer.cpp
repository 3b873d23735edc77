#include "perform/transfer.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace dbcurl {

namespace {
// curl reads a -T URL with libcurl's URL API (to append the file's name)
// before it opens the file: a URL that API rejects is error 3, not 26.
bool upload_url_parses(const std::string& url) {
  const UrlHandle handle(curl_url());
  return handle && curl_url_set(handle.get(), CURLUPART_URL, url.c_str(),
                                CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK;
}
}  // namespace

Transfer::Transfer(const Session& session, const PlannedTransfer& planned, BodyOutput& output, long time_left_ms)
    : planned_(planned),
      output_(output),
      diagnostics_(session.io.diagnostics),
      trace_(session.io.secrets, session.global.trace_mode, session.trace_stream, session.global.trace_time,
             // curl counts data in -v only when the body does not share the terminal.
             !output.to_terminal() || (session.trace_stream != stdout && session.trace_stream != stderr)),
      easy_(curl_easy_init()) {
  if (!easy_) {
    fail(CURLE_FAILED_INIT, "curl_easy_init failed");
    return;
  }
  if (!output.prepare()) {
    fail(CURLE_WRITE_ERROR, curl_easy_strerror(CURLE_WRITE_ERROR), true);
    return;
  }
  const TransferConfig& config = *planned.config;
  output.set_transfer(easy_.get());
  if (planned.plan.workspace) output.keep_error_body(easy_.get(), dbcurl_fails());
  TransferSinks sinks;
  sinks.write_body = &BodyOutput::body_callback;
  sinks.body_data = &output;
  sinks.write_header = &BodyOutput::header_callback;
  sinks.header_data = &output;
  if (session.trace_stream != nullptr) {
    sinks.trace = &TraceWriter::callback;
    sinks.trace_data = &trace_;
  }
  sinks.error_stream = session.io.diagnostics.stream();
  sinks.progress_meter =
      !session.global.silent && !session.global.no_progress_meter && !output.to_terminal() && !session.global.parallel;
  sinks.error_buffer = error_buffer_;
  if (planned.upload_file && *planned.upload_file != "-" && !upload_url_parses(planned.plan.url)) {
    fail(CURLE_URL_MALFORMAT, curl_easy_strerror(CURLE_URL_MALFORMAT), true);
    return;
  }
  if (planned.upload_file && !open_upload(*planned.upload_file, sinks)) return;
  if (!planned.upload_file) read_standard_input(sinks);
  sinks.resume_from = output.resume_from();
  if (sinks.progress_meter && session.global.progress_bar) {
    progress_bar_.emplace(session.io.diagnostics.stream(), std::max(sinks.resume_from, 0LL),
                          progress_bar_width(session.io.env));
    sinks.progress = &ProgressBar::callback;
    sinks.progress_data = &*progress_bar_;
  }
  sinks.wait_for_multiplexing = session.global.parallel && !session.global.parallel_immediate;
  sinks.source = session.libcurl_source;
  sinks.time_left_ms = time_left_ms;
  if (Status applied =
          apply_transfer(easy_.get(), session.share, config, planned.plan, sinks, session.io.env, applied_);
      !applied) {
    fail(applied.error().exit_code, applied.error().message);
  }
}

Transfer::~Transfer() {
  // The handle first: its cleanup may still call the debug callback (trace_,
  // error_buffer_) and unlinks the mime structure in applied_.
  easy_.reset();
  output_.keep_error_body(nullptr, false);
  output_.set_transfer(nullptr);
}

const Outcome& Transfer::perform() {
  error_buffer_[0] = '\0';
  outcome_ = Outcome{};
  if (upload_file_) std::rewind(upload_file_.get());
  return finish(curl_easy_perform(easy_.get()));
}

void Transfer::failed_writing_body() {
  if (outcome_.code != 0) return;
  outcome_.code = CURLE_WRITE_ERROR;
  outcome_.message = "Failed writing body";
}

const Outcome& Transfer::finish(CURLcode result) {
  trace_.finish();
  if (progress_bar_) progress_bar_->finish();
  if (!ready_) return outcome_;
  outcome_.code = static_cast<int>(result);
  if (result != CURLE_OK) outcome_.message = curl_error_text(result, error_buffer_);
  curl_easy_getinfo(easy_.get(), CURLINFO_RESPONSE_CODE, &outcome_.status);
  outcome_.synthetic = output_.refused_binary();
  if (result == CURLE_OK && outcome_.status >= kHttpErrorThreshold &&
      (planned_.config->fail_with_body || dbcurl_fails())) {
    outcome_.code = CURLE_HTTP_RETURNED_ERROR;
    outcome_.message = "The requested URL returned error: " + std::to_string(outcome_.status);
  }
  return outcome_;
}

bool Transfer::dbcurl_fails() const { return planned_.plan.workspace && planned_.config->fail; }

void Transfer::fail(int code, std::string message, bool stops_run) {
  ready_ = false;
  outcome_.code = code;
  outcome_.message = std::move(message);
  outcome_.stops_run = stops_run;
}

// Without -T, as curl's tool: what is available on standard input, as it comes.
void Transfer::read_standard_input(TransferSinks& sinks) {
  sinks.upload = stdin;
  sinks.read_upload = [](char* buffer, std::size_t size, std::size_t count, void*) -> std::size_t {
    const ssize_t got = ::read(STDIN_FILENO, buffer, size * count);
    return got > 0 ? static_cast<std::size_t>(got) : 0;
  };
  sinks.seek_upload = [](void*, curl_off_t, int) { return CURL_SEEKFUNC_CANTSEEK; };
}

// -T: the file (or standard input) the request body is read from.
bool Transfer::open_upload(const std::string& path, TransferSinks& sinks) {
  sinks.uploading = true;
  if (path == "-") {
    sinks.upload = stdin;
  } else {
    upload_file_.reset(std::fopen(path.c_str(), "rb"));
    if (!upload_file_) {
      // curl says so as it says a usage error, also under -s; its (26) line follows.
      diagnostics_.error_always("Can't open '" + path + "'!");
      diagnostics_.usage_hint();
      fail(CURLE_READ_ERROR, curl_easy_strerror(CURLE_READ_ERROR), true);
      return false;
    }
    sinks.upload = upload_file_.get();
    struct stat info {};
    if (::fstat(::fileno(upload_file_.get()), &info) == 0 && S_ISREG(info.st_mode)) sinks.upload_size = info.st_size;
  }
  sinks.read_upload = [](char* buffer, std::size_t size, std::size_t count, void* file) {
    return std::fread(buffer, size, count, static_cast<std::FILE*>(file));
  };
  // curl's: an --anyauth negotiation or a redirect sends the body again. A
  // pipe cannot seek; libcurl may then find another way, or fail with 65.
  sinks.seek_upload = [](void* file, curl_off_t offset, int origin) {
    return std::fseek(static_cast<std::FILE*>(file), static_cast<long>(offset), origin) == 0 ? CURL_SEEKFUNC_OK
                                                                                             : CURL_SEEKFUNC_CANTSEEK;
  };
  return true;
}

}  // namespace dbcurl
