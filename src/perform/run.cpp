#include "perform/run.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <thread>

#include "apply/apply.hpp"
#include "common/diagnostics.hpp"
#include "common/redact.hpp"
#include "creds/url.hpp"
#include "perform/databricks_reply.hpp"
#include "perform/output.hpp"
#include "perform/paginate.hpp"
#include "perform/parallel_meter.hpp"
#include "perform/progress_bar.hpp"
#include "perform/retry.hpp"
#include "perform/trace.hpp"
#include "perform/write_out.hpp"

namespace dbcurl {

namespace {

constexpr long kHttpErrorThreshold = 400;

// Follows "<program name> "; curl's text.
const char* const kCertificateHelp =
    "failed to verify the legitimacy of the server and therefore could not\n"
    "establish a secure connection to it. To learn more about this situation and\n"
    "how to fix it, please visit the web page mentioned above.\n";

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using OwnedFile = std::unique_ptr<std::FILE, FileCloser>;

// The stream -v/--trace writes to: "-" stdout, "%" dbcurl's stderr, else a file.
std::FILE* open_trace_stream(const GlobalConfig& global, OwnedFile& owned) {
  if (global.trace_mode == TraceMode::kNone) return nullptr;
  if (global.trace_file == "-") return stdout;
  if (global.trace_file == "%") return diagnostics().stream();
  owned.reset(std::fopen(global.trace_file.c_str(), "wb"));
  if (!owned) {
    diagnostics().warning("Failed to create/open output file " + global.trace_file + ": " + std::strerror(errno));
    return nullptr;
  }
  return owned.get();
}

std::string request_method(const TransferConfig& config) {
  if (config.method) return *config.method;
  if (config.head) return "HEAD";
  if (config.post_data && !config.get_query) return "POST";
  return "GET";
}

// -C: a byte offset, or "-" for what the output file already holds.
long long resume_offset(const TransferConfig& config, const std::optional<std::string>& output) {
  if (!config.continue_at) return 0;
  if (*config.continue_at != "-") return std::strtoll(config.continue_at->c_str(), nullptr, 10);
  struct stat info {};
  if (output && ::stat(output->c_str(), &info) == 0) return info.st_size;
  return 0;
}

RetryPolicy retry_policy(const TransferConfig& config) {
  return RetryPolicy{config.retries,          config.retry_delay_seconds,      config.retry_max_time_seconds,
                     config.retry_all_errors, config.retry_connection_refused, config.fail || config.fail_with_body};
}

// What one request ended with, after its retries.
struct Outcome {
  EasyHandle easy;
  int code = 0;
  std::string message;
  long status = 0;
  bool synthetic = false;  // the binary guard stopped it: curl prints no "(N)" line
};

// Everything one request shares across its attempts and pages.
struct Session {
  const GlobalConfig& global;
  CURLSH* share;
  std::FILE* trace_stream;
  const Environment& env;
  LibcurlSource* libcurl_source;  // --libcurl, else null
};

// One prepared request: everything libcurl's callbacks point at, kept in
// place (heap-allocated by its owner) while the transfer runs.
class PreparedTransfer {
 public:
  PreparedTransfer(const Session& session, const PlannedTransfer& planned, BodyOutput& output)
      : planned_(planned),
        output_(output),
        trace_(session.global.trace_mode, session.trace_stream, session.global.trace_time,
               // curl counts data in -v only when the body does not share the terminal.
               !output.to_terminal() || (session.trace_stream != stdout && session.trace_stream != stderr)) {
    outcome_.easy.reset(curl_easy_init());
    if (!outcome_.easy) {
      fail(CURLE_FAILED_INIT, "curl_easy_init failed");
      return;
    }
    const TransferConfig& config = *planned.config;
    if (planned.plan.workspace) output.keep_error_body(outcome_.easy.get(), dbcurl_fails());
    TransferSinks sinks;
    sinks.write_body = &BodyOutput::body_callback;
    sinks.body_data = &output;
    sinks.write_header = &BodyOutput::header_callback;
    sinks.header_data = &output;
    if (session.trace_stream != nullptr) {
      sinks.trace = &TraceWriter::callback;
      sinks.trace_data = &trace_;
    }
    sinks.error_stream = diagnostics().stream();
    sinks.progress_meter = !session.global.silent && !session.global.no_progress_meter && !output.to_terminal() &&
                           !session.global.parallel;
    sinks.error_buffer = error_buffer_;
    if (planned.upload_file && !open_upload(*planned.upload_file, sinks)) return;
    sinks.resume_from = resume_offset(config, planned.output);
    if (sinks.progress_meter && session.global.progress_bar) {
      progress_bar_.emplace(diagnostics().stream(), sinks.resume_from);
      sinks.progress = &ProgressBar::callback;
      sinks.progress_data = &*progress_bar_;
    }
    sinks.wait_for_multiplexing = session.global.parallel && !session.global.parallel_immediate;
    sinks.source = session.libcurl_source;
    if (Status applied =
            apply_transfer(outcome_.easy.get(), session.share, config, planned.plan, sinks, session.env, owned_);
        !applied) {
      fail(applied.error().exit_code, applied.error().message);
    }
  }

  // Null when setting up failed: outcome() then says why.
  CURL* easy() const { return ready_ ? outcome_.easy.get() : nullptr; }

  // What the request ended with, given libcurl's result.
  Outcome finish(CURLcode result) {
    trace_.finish();
    if (progress_bar_) progress_bar_->finish();
    if (!ready_) return std::move(outcome_);
    outcome_.code = static_cast<int>(result);
    if (result != CURLE_OK) outcome_.message = curl_error_text(result, error_buffer_);
    curl_easy_getinfo(outcome_.easy.get(), CURLINFO_RESPONSE_CODE, &outcome_.status);
    outcome_.synthetic = output_.refused_binary();
    if (result == CURLE_OK && outcome_.status >= kHttpErrorThreshold &&
        (planned_.config->fail_with_body || dbcurl_fails())) {
      outcome_.code = CURLE_HTTP_RETURNED_ERROR;
      outcome_.message = "The requested URL returned error: " + std::to_string(outcome_.status);
    }
    return std::move(outcome_);
  }

 private:
  bool dbcurl_fails() const { return planned_.plan.workspace && planned_.config->fail; }

  void fail(int code, std::string message) {
    ready_ = false;
    outcome_.code = code;
    outcome_.message = std::move(message);
  }

  // -T: the file (or standard input) the request body is read from.
  bool open_upload(const std::string& path, TransferSinks& sinks) {
    if (path == "-") {
      sinks.upload = stdin;
    } else {
      upload_.reset(std::fopen(path.c_str(), "rb"));
      if (!upload_) {
        fail(CURLE_READ_ERROR, "Can't open '" + path + "'!");
        return false;
      }
      sinks.upload = upload_.get();
      struct stat info {};
      if (::fstat(::fileno(upload_.get()), &info) == 0 && S_ISREG(info.st_mode)) sinks.upload_size = info.st_size;
    }
    sinks.read_upload = [](char* buffer, std::size_t size, std::size_t count, void* file) {
      return std::fread(buffer, size, count, static_cast<std::FILE*>(file));
    };
    return true;
  }

  const PlannedTransfer& planned_;
  BodyOutput& output_;
  TraceWriter trace_;
  std::optional<ProgressBar> progress_bar_;
  AppliedTransfer owned_;
  std::unique_ptr<std::FILE, FileCloser> upload_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
  Outcome outcome_;
  bool ready_ = true;
};

Outcome attempt(const Session& session, const PlannedTransfer& planned, BodyOutput& output) {
  PreparedTransfer prepared(session, planned, output);
  if (prepared.easy() == nullptr) return prepared.finish(CURLE_OK);
  return prepared.finish(curl_easy_perform(prepared.easy()));
}

// curl's "(N) message" line, and its paragraph for certificate failures.
void print_error_line(const Outcome& outcome) {
  diagnostics().error("(" + std::to_string(outcome.code) + ") " + outcome.message);
  if (outcome.code == CURLE_PEER_FAILED_VERIFICATION && diagnostics().errors_shown()) {
    std::fprintf(diagnostics().stream(), "More details here: https://curl.se/docs/sslcerts.html\n\n%s %s",
                 diagnostics().program_name().c_str(), kCertificateHelp);
  }
}

// curl's --retry loop around attempt().
Outcome perform_with_retries(const Session& session, const PlannedTransfer& planned, BodyOutput& output) {
  const RetryPolicy policy = retry_policy(*planned.config);
  RetryState state(policy);
  const auto started = std::chrono::steady_clock::now();
  for (;;) {
    Outcome outcome = attempt(session, planned, output);
    if (!outcome.easy) return outcome;
    AttemptFacts facts;
    facts.result = outcome.code;
    facts.response_code = outcome.status;
    const char* scheme = nullptr;
    curl_easy_getinfo(outcome.easy.get(), CURLINFO_SCHEME, &scheme);
    facts.http_scheme = scheme != nullptr && (std::strcmp(scheme, "HTTP") == 0 || std::strcmp(scheme, "HTTPS") == 0);
    curl_off_t retry_after = 0;
    curl_easy_getinfo(outcome.easy.get(), CURLINFO_RETRY_AFTER, &retry_after);
    facts.retry_after_seconds = static_cast<long>(retry_after);
    long os_error = 0;
    curl_easy_getinfo(outcome.easy.get(), CURLINFO_OS_ERRNO, &os_error);
    facts.refused = os_error == ECONNREFUSED;
    facts.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    const std::optional<RetryDecision> decision = decide_retry(policy, state, facts);
    if (!decision) return outcome;
    // curl reports each failed attempt before it says it will retry.
    if (outcome.code != 0 && !outcome.synthetic) print_error_line(outcome);
    diagnostics().warning(decision->warning);
    if (!decision->retry) return outcome;
    std::this_thread::sleep_for(decision->delay);
    output.rewind_for_retry();
  }
}

// curl's error line, then what dbcurl adds for a workspace reply.
void report(const Session& session, const PlannedTransfer& planned, const Outcome& outcome,
            const std::string& error_body) {
  if (outcome.code != 0 && !outcome.synthetic) print_error_line(outcome);
  if (!planned.plan.workspace || !outcome.easy) return;
  const TransferConfig& config = *planned.config;
  const bool explain_errors = outcome.code == CURLE_HTTP_RETURNED_ERROR || config.fail || config.fail_with_body ||
                              session.global.trace_mode == TraceMode::kVerbose;
  if (outcome.status >= kHttpErrorThreshold && explain_errors) {
    if (auto line = databricks_error_line(outcome.status, error_body)) diagnostics().error(*line);
    if ((outcome.status == 401 || outcome.status == 403) && !planned.plan.credential_origin.empty()) {
      diagnostics().error("the credential sent came from " + planned.plan.credential_origin);
    }
  }
  ReplyFacts facts;
  facts.request_path = split_url(planned.plan.url).rest;
  facts.status = outcome.status;
  const char* text = nullptr;
  if (curl_easy_getinfo(outcome.easy.get(), CURLINFO_CONTENT_TYPE, &text) == CURLE_OK && text)
    facts.content_type = text;
  if (curl_easy_getinfo(outcome.easy.get(), CURLINFO_REDIRECT_URL, &text) == CURLE_OK && text)
    facts.redirect_url = text;
  if (curl_easy_getinfo(outcome.easy.get(), CURLINFO_EFFECTIVE_URL, &text) == CURLE_OK && text)
    facts.effective_url = text;
  if (auto hint = trap_hint(facts)) diagnostics().warning(*hint);
}

void write_out_for(const PlannedTransfer& planned, const Outcome& outcome, const std::string& filename) {
  if (!planned.config->write_out || !outcome.easy) return;
  const WriteOutFacts facts{outcome.easy.get(), outcome.code,      outcome.message,
                            filename,           planned.given_url, planned.url_index};
  write_out(*planned.config->write_out, facts, stdout, diagnostics().stream(), [](std::string_view name) {
    diagnostics().error_always("unknown --write-out variable: '" + std::string(name) + "'");
  });
}

// Where a transfer's body and headers go, with -i/-I, -D, --create-dirs, -C - and --remove-on-error.
// Null when curl would skip the transfer (an --etag-save file it cannot create).
std::unique_ptr<BodyOutput> body_output_for(const Session& session, const PlannedTransfer& planned) {
  const TransferConfig& config = *planned.config;
  auto output = std::make_unique<BodyOutput>(planned.output, config.include_headers || config.head);
  if (config.dump_header) output->dump_headers_to(*config.dump_header);
  output->set_file_options({.create_dirs = config.create_dirs,
                            .append = config.continue_at == std::string("-"),
                            .remove_on_error = config.remove_on_error,
                            .clobber = config.clobber,
                            .name_from_header = config.remote_header_name && planned.remote_named,
                            .output_dir = config.output_dir,
                            .no_buffer = config.no_buffer,
                            .styled = session.global.styled_output});
  if (config.etag_save_file && !output->save_etag_to(*config.etag_save_file)) return nullptr;
  return output;
}

// The end of one transfer, serial or parallel: the file closed (and dated,
// with -R), the error line, -w.
void conclude(const Session& session, const PlannedTransfer& planned, const Outcome& outcome, BodyOutput& output) {
  output.finish(outcome.code == 0);
  const TransferConfig& config = *planned.config;
  if (outcome.code == 0 && outcome.easy && planned.output && *planned.output != "-" &&
      (config.remote_time || config.xattr)) {
    set_file_metadata(outcome.easy.get(), output.filename(), planned.plan.url, config.remote_time, config.xattr);
  }
  report(session, planned, outcome, output.error_body());
  write_out_for(planned, outcome, output.filename());
}

// nullopt when curl skips the transfer (see body_output_for).
std::optional<int> run_one(const Session& session, PlannedTransfer& planned) {
  const std::unique_ptr<BodyOutput> body = body_output_for(session, planned);
  if (!body) return std::nullopt;
  const Outcome outcome = perform_with_retries(session, planned, *body);
  conclude(session, planned, outcome, *body);
  return outcome.code;
}

// --paginate: the pages of one workspace request, printed as one document
// only when every page arrived.
int run_paginated(const Session& session, PlannedTransfer& planned) {
  const TransferConfig& config = *planned.config;
  const bool in_query = request_method(config) == "GET" || config.get_query;
  const bool show_progress = ::isatty(STDERR_FILENO) == 1 && !session.global.silent;
  const std::string first_url = planned.plan.url;
  PageMerger merger(query_offset(first_url));
  BodyOutput output(planned.output, false);
  Outcome outcome;
  std::string page;
  for (long number = 1;; ++number) {
    page.clear();
    BodyOutput collector(std::nullopt, false);
    collector.collect_into(&page);
    outcome = perform_with_retries(session, planned, collector);
    if (show_progress) std::fprintf(stderr, "\rdbcurl: page %ld", number);
    const bool failed_page = outcome.code != 0 || outcome.status >= kHttpErrorThreshold;
    if (failed_page && number == 1 && outcome.code == 0) {
      output.write_document(collector.error_body());  // curl would have printed this error body
      break;
    }
    if (failed_page) {
      if (outcome.code == 0) {
        outcome.code = CURLE_HTTP_RETURNED_ERROR;
        outcome.message = "The requested URL returned error: " + std::to_string(outcome.status);
      }
      report(session, planned, outcome, collector.error_body());
      output.finish(false);
      write_out_for(planned, outcome, output.filename());
      return outcome.code;
    }
    if (!merger.add(page)) {
      if (number > 1) diagnostics().warning("page " + std::to_string(number) + " is not JSON: pagination stopped");
      output.write_document(number == 1 ? page : merger.document());
      break;
    }
    const std::optional<NextPage> next = merger.next();
    if (!next || (config.paginate_max > 0 && number >= config.paginate_max)) {
      output.write_document(merger.document());
      break;
    }
    if (in_query) {
      planned.plan.url = next->page_token ? with_query_parameter(first_url, "page_token", *next->page_token)
                                          : with_query_parameter(first_url, "offset", std::to_string(*next->offset));
    } else {
      const std::string body = config.post_data.value_or("");
      planned.plan.body = next->page_token ? with_json_field(body, "page_token", *next->page_token)
                                           : with_json_field(body, "offset", *next->offset);
      if (!planned.plan.body) {
        diagnostics().warning("the request body is not a JSON object: --paginate cannot add page_token");
        output.write_document(merger.document());
        break;
      }
    }
  }
  if (show_progress) std::fputc('\n', stderr);
  output.finish(true);
  report(session, planned, outcome, {});
  write_out_for(planned, outcome, output.filename());
  return outcome.code;
}

}  // namespace

struct MultiDeleter {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

// -Z: up to --parallel-max transfers at once on the multi interface. The exit
// code is the first failure's, as curl's. No --retry or --paginate here.
int run_parallel(const Session& session, std::vector<PlannedTransfer>& transfers) {
  struct Running {
    PlannedTransfer* planned;
    std::unique_ptr<BodyOutput> output;
    std::unique_ptr<PreparedTransfer> prepared;
  };
  std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
  std::map<CURL*, Running> running;
  std::size_t next = 0;
  long added = 0;
  int exit_code = 0;
  const TransferConfig* skipped_group = nullptr;
  std::optional<ParallelMeter> meter;
  if (!session.global.no_progress_meter) meter.emplace(diagnostics().stream());
  const auto amounts_of = [&](CURL* easy) {
    ParallelMeter::Amounts amounts;
    amounts.id = static_cast<std::size_t>(running.at(easy).planned - transfers.data());
    curl_easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &amounts.downloaded);
    curl_easy_getinfo(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &amounts.download_total);
    curl_easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &amounts.uploaded);
    curl_easy_getinfo(easy, CURLINFO_CONTENT_LENGTH_UPLOAD_T, &amounts.upload_total);
    amounts.download_total = std::max<curl_off_t>(amounts.download_total, 0);  // -1: unknown
    amounts.upload_total = std::max<curl_off_t>(amounts.upload_total, 0);
    return amounts;
  };
  const auto draw_meter = [&](bool final) {
    if (!meter || !meter->due(final)) return;
    std::vector<ParallelMeter::Amounts> amounts;
    for (const auto& [easy, transfer] : running) amounts.push_back(amounts_of(easy));
    meter->update(amounts, added, final);
  };
  const auto done = [&](Running& transfer, CURLcode result) {
    const Outcome outcome = transfer.prepared->finish(result);
    conclude(session, *transfer.planned, outcome, *transfer.output);
    if (outcome.code != 0 && exit_code == 0) exit_code = outcome.code;
  };
  const auto start_more = [&] {
    while (running.size() < static_cast<std::size_t>(session.global.parallel_max) && next < transfers.size() &&
           !(exit_code != 0 && session.global.fail_early)) {
      PlannedTransfer& planned = transfers[next++];
      if (planned.config == skipped_group) continue;
      Running transfer{&planned, body_output_for(session, planned), nullptr};
      if (!transfer.output) {
        skipped_group = planned.config;  // as serially: curl skips the rest of the option group
        continue;
      }
      transfer.prepared = std::make_unique<PreparedTransfer>(session, planned, *transfer.output);
      CURL* easy = transfer.prepared->easy();
      if (easy == nullptr) {
        done(transfer, CURLE_OK);
        continue;
      }
      curl_multi_add_handle(multi.get(), easy);
      running.emplace(easy, std::move(transfer));
      ++added;
    }
  };
  start_more();
  while (!running.empty()) {
    int still_running = 0;
    curl_multi_perform(multi.get(), &still_running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      auto found = running.find(message->easy_handle);
      if (meter) meter->transfer_done(amounts_of(message->easy_handle));
      curl_multi_remove_handle(multi.get(), message->easy_handle);
      done(found->second, message->data.result);
      running.erase(found);
    }
    start_more();
    draw_meter(false);
    if (!running.empty()) curl_multi_poll(multi.get(), nullptr, 0, 1000, nullptr);
  }
  draw_meter(true);
  return exit_code;
}

namespace {

// --rate: curl waits after a serial transfer so that starts are at least
// ms_per_transfer apart, and says so in verbose mode.
void pace(const GlobalConfig& global, std::chrono::steady_clock::time_point started) {
  const long elapsed = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (elapsed >= global.ms_per_transfer) return;
  const long wait = global.ms_per_transfer - elapsed;
  if (global.trace_mode != TraceMode::kNone) {
    diagnostics().note("Transfer took " + std::to_string(elapsed) + " ms, waits " + std::to_string(wait) +
                       "ms as set by --rate");
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(wait));
}

// One transfer after the other, with --rate's pauses and --fail-early.
int run_serial(const Session& session, std::vector<PlannedTransfer>& transfers) {
  const GlobalConfig& global = session.global;
  int exit_code = 0;
  bool performed = false;
  const TransferConfig* skipped_group = nullptr;  // curl skips the rest of an option group
  std::chrono::steady_clock::time_point transfer_started;
  for (PlannedTransfer& planned : transfers) {
    if (planned.config == skipped_group) continue;
    if (performed && global.ms_per_transfer > 0) pace(global, transfer_started);
    transfer_started = std::chrono::steady_clock::now();
    const bool paginate = planned.config->paginate && planned.plan.workspace;
    const std::optional<int> code = paginate ? run_paginated(session, planned) : run_one(session, planned);
    if (!code) {
      skipped_group = planned.config;
      continue;
    }
    performed = true;
    exit_code = *code;
    if (exit_code != 0 && global.fail_early) break;
  }
  if (!performed && skipped_group != nullptr) {
    diagnostics().error_unless_silent("no transfer performed");
    return exit_code::kReadError;
  }
  return exit_code;
}

// --libcurl FILE ("-": stdout), written after the transfers, as curl does.
void write_libcurl_source(const std::string& path, const std::string& program) {
  std::FILE* file = path == "-" ? stdout : std::fopen(path.c_str(), "w");
  if (file == nullptr) {
    diagnostics().warning("Failed to open " + path + " to write libcurl code");
    return;
  }
  std::fputs(program.c_str(), file);
  if (file != stdout) std::fclose(file);
}

}  // namespace

int perform_transfers(const GlobalConfig& global, std::vector<PlannedTransfer>& transfers, const Environment& env) {
  ShareHandle share(curl_share_init());
  for (curl_lock_data data : {CURL_LOCK_DATA_COOKIE, CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION}) {
    curl_share_setopt(share.get(), CURLSHOPT_SHARE, data);
  }
  // The multi handle keeps its own connection cache for -Z; serial transfers share one here.
  if (!global.parallel) curl_share_setopt(share.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
  OwnedFile owned_trace;
  std::optional<LibcurlSource> source;
  if (global.libcurl_file) source.emplace();
  const Session session{global, share.get(), open_trace_stream(global, owned_trace), env, source ? &*source : nullptr};
  const int exit_code = global.parallel ? run_parallel(session, transfers) : run_serial(session, transfers);
  if (source) write_libcurl_source(*global.libcurl_file, source->program());
  return exit_code;
}

std::string explain_transfers(const std::vector<std::string>& resolution,
                              const std::vector<PlannedTransfer>& transfers) {
  std::string out = "dbcurl --explain: nothing is sent.\n\nResolution:\n";
  for (const auto& line : resolution) out += "  " + line + "\n";
  for (const auto& planned : transfers) {
    const RequestPlan& plan = planned.plan;
    out += "\nRequest " + std::to_string(planned.url_index + 1) + ": " + request_method(*planned.config) + " " +
           plan.url + "\n";
    for (const auto& line : plan.explain) out += "  " + line + "\n";
    out +=
        "  User-Agent: " + (planned.config->user_agent ? *planned.config->user_agent : default_user_agent(plan)) + "\n";
    if (plan.auth == AuthMode::kBearer) out += "  Authorization: Bearer " + redacted_form(plan.bearer->view()) + "\n";
    for (const auto& header : plan.headers) out += "  " + header + "\n";
    if (planned.config->post_data) out += "  body: " + std::to_string(planned.config->post_data->size()) + " bytes\n";
  }
  return redact_trace(out);
}

}  // namespace dbcurl
