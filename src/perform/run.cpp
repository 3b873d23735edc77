#include "perform/run.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <thread>

#include "apply/apply.hpp"
#include "cli/parse.hpp"
#include "common/diagnostics.hpp"
#include "common/exit_codes.hpp"
#include "common/redact.hpp"
#include "creds/url.hpp"
#include "perform/databricks_reply.hpp"
#include "perform/output.hpp"
#include "perform/paginate.hpp"
#include "perform/parallel_meter.hpp"
#include "perform/retry.hpp"
#include "perform/transfer.hpp"
#include "perform/write_out.hpp"

namespace dbcurl {

namespace {

// Follows "<program name> "; curl's text.
const char* const kCertificateHelp =
    "failed to verify the legitimacy of the server and therefore could not\n"
    "establish a secure connection to it. To learn more about this situation and\n"
    "how to fix it, please visit the web page mentioned above.\n";

// The stream -v/--trace writes to: "-" stdout, "%" dbcurl's stderr, else a file.
OutputStream open_trace_stream(const GlobalConfig& global, const Diagnostics& diagnostics) {
  if (global.trace_mode == TraceMode::kNone) return {};
  OutputStream stream = OutputStream::named(global.trace_file, "wb", diagnostics.stream());
  if (!stream) {
    diagnostics.warning("Failed to create/open output file " + global.trace_file + ": " + std::strerror(errno));
  }
  return stream;
}

RetryPolicy retry_policy(const TransferConfig& config) {
  return RetryPolicy{config.retries,          config.retry_delay_seconds,      config.retry_max_time_seconds,
                     config.retry_all_errors, config.retry_connection_refused, config.fail || config.fail_with_body};
}

// curl's "(N) message" line, and its paragraph for certificate failures.
void print_error_line(const Diagnostics& diagnostics, const Outcome& outcome) {
  diagnostics.error("(" + std::to_string(outcome.code) + ") " + outcome.message);
  if (outcome.code == CURLE_PEER_FAILED_VERIFICATION && diagnostics.errors_shown()) {
    std::fprintf(diagnostics.stream(), "More details here: https://curl.se/docs/sslcerts.html\n\n%s %s",
                 diagnostics.program_name().c_str(), kCertificateHelp);
  }
}

// One request with curl's --retry loop: its attempts reuse one handle, as
// curl's do. The transfer is returned alive, for -w and the reports.
std::unique_ptr<Transfer> perform_with_retries(const Session& session, const PlannedTransfer& planned,
                                               BodyOutput& output, long time_left_ms = 0) {
  const RetryPolicy policy = retry_policy(*planned.config);
  RetryState state(policy);
  const auto started = std::chrono::steady_clock::now();
  auto transfer = std::make_unique<Transfer>(session, planned, output, time_left_ms);
  if (!transfer->ready()) return transfer;
  CURL* easy = transfer->easy();
  for (;;) {
    const Outcome& outcome = transfer->perform();
    AttemptFacts facts;
    facts.result = outcome.code;
    facts.response_code = outcome.status;
    const char* scheme = nullptr;
    curl_easy_getinfo(easy, CURLINFO_SCHEME, &scheme);
    facts.scheme = retry_scheme(scheme);
    curl_off_t retry_after = 0;
    curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after);
    facts.retry_after_seconds = static_cast<long>(retry_after);
    long os_error = 0;
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_error);
    facts.refused = os_error == ECONNREFUSED;
    facts.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    const std::optional<RetryDecision> decision = decide_retry(policy, state, facts);
    if (!decision) return transfer;
    // curl reports each failed attempt before it says it will retry.
    if (outcome.code != 0 && !outcome.synthetic) print_error_line(session.io.diagnostics, outcome);
    session.io.diagnostics.warning(decision->warning);
    if (!decision->retry) return transfer;
    std::this_thread::sleep_for(decision->delay);
    output.rewind_for_retry();
  }
}

// curl's error line, then what dbcurl adds for a workspace reply. easy: the
// transfer's live handle, null when there is none.
void report(const Session& session, const PlannedTransfer& planned, const Outcome& outcome, CURL* easy,
            const std::string& error_body) {
  if (outcome.code != 0 && !outcome.synthetic) print_error_line(session.io.diagnostics, outcome);
  if (!planned.plan.workspace || easy == nullptr) return;
  const TransferConfig& config = *planned.config;
  const bool explain_errors = outcome.code == CURLE_HTTP_RETURNED_ERROR || config.fail || config.fail_with_body ||
                              session.global.trace_mode == TraceMode::kVerbose;
  if (outcome.status >= kHttpErrorThreshold && explain_errors) {
    if (auto line = databricks_error_line(outcome.status, error_body)) session.io.diagnostics.error(*line);
    if ((outcome.status == 401 || outcome.status == 403) && !planned.plan.credential_origin.empty()) {
      session.io.diagnostics.error("the credential sent came from " + planned.plan.credential_origin);
    }
  }
  ReplyFacts facts;
  facts.request_path = split_url(planned.plan.url).rest;
  facts.status = outcome.status;
  const char* text = nullptr;
  if (curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &text) == CURLE_OK && text) facts.content_type = text;
  if (curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &text) == CURLE_OK && text) facts.redirect_url = text;
  if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &text) == CURLE_OK && text) facts.effective_url = text;
  if (auto hint = trap_hint(facts)) session.io.diagnostics.warning(*hint);
}

void write_out_for(const Session& session, const PlannedTransfer& planned, const Outcome& outcome, CURL* easy,
                   const std::string& filename) {
  if (!planned.config->write_out || easy == nullptr) return;
  const WriteOutFacts facts{
      easy, outcome.code, outcome.message, filename, planned.given_url, planned.url_index, session.io.secrets};
  write_out(*planned.config->write_out, facts, stdout, session.io.diagnostics.stream(), [&](std::string_view name) {
    session.io.diagnostics.error_always("unknown --write-out variable: '" + std::string(name) + "'");
  });
}

// -C: a byte offset, or "-" for what the output file already holds.
long long resume_offset(const TransferConfig& config, const PlannedTransfer& planned) {
  const std::optional<std::string>& output = planned.output;
  if (!config.continue_at) return 0;
  if (*config.continue_at != "-") return std::strtoll(config.continue_at->c_str(), nullptr, 10);
  // -C - with -T of a file: libcurl asks the server for the size (-1), as curl does.
  if (planned.upload_file && *planned.upload_file != "-") return -1;
  struct stat info {};
  if (output && ::stat(output->c_str(), &info) == 0) return info.st_size;
  return 0;
}

// Where a transfer's body and headers go, with -i/-I, -D, --create-dirs, -C and --remove-on-error.
// first_of_group: the first transfer of its option group (it empties the -D file).
// Null when curl would skip the transfer (an --etag-save file it cannot create).
std::unique_ptr<BodyOutput> body_output_for(const Session& session, const PlannedTransfer& planned,
                                            bool first_of_group) {
  const TransferConfig& config = *planned.config;
  auto output =
      std::make_unique<BodyOutput>(session.io.diagnostics, planned.output, config.include_headers || config.head);
  if (config.dump_header) output->dump_headers_to(*config.dump_header, first_of_group);
  output->set_file_options({.create_dirs = config.create_dirs,
                            .resume_from = resume_offset(config, planned),
                            .remove_on_error = config.remove_on_error,
                            .clobber = config.clobber,
                            .name_from_header = config.remote_header_name && planned.remote_named,
                            .output_dir = config.output_dir,
                            .no_buffer = config.no_buffer,
                            .styled = session.global.styled_output,
                            .silent = session.global.silent});
  if (config.etag_save_file && !output->save_etag_to(*config.etag_save_file)) return nullptr;
  return output;
}

// The end of one transfer, serial or parallel, while it is still alive: the
// file closed (and dated, with -R), the error line, -w.
void conclude(const Session& session, const PlannedTransfer& planned, Transfer& transfer, BodyOutput& output) {
  const Outcome& outcome = transfer.outcome();
  long condition_unmet = 0;
  if (transfer.easy() != nullptr) curl_easy_getinfo(transfer.easy(), CURLINFO_CONDITION_UNMET, &condition_unmet);
  // curl 7.88 leaves the file alone on a 304 too, asked for by --etag-compare or -H If-None-Match.
  if (!output.finish(outcome.code == 0, condition_unmet != 0 || outcome.status == 304)) transfer.failed_writing_body();
  const TransferConfig& config = *planned.config;
  if (outcome.code == 0 && transfer.easy() != nullptr && planned.output && *planned.output != "-" &&
      (config.remote_time || config.xattr)) {
    set_file_metadata(session.io.diagnostics, transfer.easy(), output.filename(), planned.plan.url, config.remote_time,
                      config.xattr);
  }
  report(session, planned, outcome, transfer.easy(), output.error_body());
  write_out_for(session, planned, outcome, transfer.easy(), output.filename());
}

// nullopt when curl skips the transfer (see body_output_for).
std::optional<Outcome> run_one(const Session& session, PlannedTransfer& planned, bool first_of_group) {
  const std::unique_ptr<BodyOutput> body = body_output_for(session, planned, first_of_group);
  if (!body) return std::nullopt;
  const std::unique_ptr<Transfer> transfer = perform_with_retries(session, planned, *body);
  conclude(session, planned, *transfer, *body);
  return transfer->outcome();
}

// --paginate's runaway guard when no --paginate-max is given (docs/beyond-curl.md).
constexpr long kDefaultPageLimit = 10000;

// --paginate: the pages of one workspace request, printed as one document
// only when every page arrived. -m bounds the whole run; a repeated page token
// or more pages than the limit end it with an error.
int run_paginated(const Session& session, PlannedTransfer& planned) {
  const TransferConfig& config = *planned.config;
  const bool in_query = request_method(config) == "GET" || config.get_query;
  const bool show_progress = ::isatty(STDERR_FILENO) == 1 && !session.global.silent;
  const std::string first_url = planned.plan.url;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(config.max_time_ms);
  PageMerger merger(query_offset(first_url));
  BodyOutput output(session.io.diagnostics, planned.output, false);
  const auto write_merged = [&] {
    return merger.write([&](std::string_view piece) { return output.write_document(piece); });
  };
  std::string page;
  // The page being fetched, and the output it writes to (which outlives it).
  std::unique_ptr<BodyOutput> collector;
  std::unique_ptr<Transfer> transfer;
  int paginate_failure = 0;
  for (long number = 1;; ++number) {
    long time_left_ms = 0;  // the page's -m: what is left of the run's
    if (config.max_time_ms > 0) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      time_left_ms = std::max<long>(1, static_cast<long>(left.count()));
    }
    transfer.reset();
    page.clear();
    collector = std::make_unique<BodyOutput>(session.io.diagnostics, std::nullopt, false);
    collector->collect_into(&page);
    transfer = perform_with_retries(session, planned, *collector, time_left_ms);
    Outcome outcome = transfer->outcome();
    if (show_progress) std::fprintf(stderr, "\rdbcurl: page %ld", number);
    const bool failed_page = outcome.code != 0 || outcome.status >= kHttpErrorThreshold;
    if (failed_page && number == 1 && outcome.code == 0) {
      output.write_document(collector->error_body());  // curl would have printed this error body
      break;
    }
    if (failed_page) {
      if (outcome.code == 0) {
        outcome.code = CURLE_HTTP_RETURNED_ERROR;
        outcome.message = "The requested URL returned error: " + std::to_string(outcome.status);
      }
      if (show_progress) std::fputc('\n', stderr);
      report(session, planned, outcome, transfer->easy(), collector->error_body());
      output.finish(false);
      write_out_for(session, planned, outcome, transfer->easy(), output.filename());
      return outcome.code;
    }
    if (!merger.add(page)) {
      if (number == 1) {
        output.write_document(page);
        break;
      }
      paginate_failure = exit_code::kPaginationIncomplete;
      session.io.diagnostics.error_always(
          "--paginate: page " + std::to_string(number) +
          " is not a JSON object: the merged document would be incomplete, nothing written");
      break;
    }
    const std::optional<NextPage> next = merger.next();
    if (!next || (config.paginate_max > 0 && number >= config.paginate_max)) {
      write_merged();
      break;
    }
    if (merger.token_repeated()) {
      paginate_failure = exit_code::kPaginationRunaway;
      session.io.diagnostics.error_always(
          "--paginate: page " + std::to_string(number) +
          " gave a page token an earlier page gave: the server is not advancing, stopped");
      break;
    }
    if (config.paginate_max <= 0 && number >= kDefaultPageLimit) {
      paginate_failure = exit_code::kPaginationRunaway;
      session.io.diagnostics.error_always("--paginate: stopped after " + std::to_string(kDefaultPageLimit) +
                                          " pages, the limit; --paginate-max N sets another");
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
        paginate_failure = exit_code::kPaginationIncomplete;
        session.io.diagnostics.error_always(
            "--paginate: the request body is not a JSON object, so page_token cannot be added: nothing written");
        break;
      }
    }
  }
  if (show_progress) std::fputc('\n', stderr);
  output.finish(paginate_failure == 0);
  if (paginate_failure != 0) return paginate_failure;
  report(session, planned, transfer->outcome(), transfer->easy(), {});
  write_out_for(session, planned, transfer->outcome(), transfer->easy(), output.filename());
  return transfer->outcome().code;
}

// -Z: up to --parallel-max transfers at once on the multi interface. The exit
// code is the first failure's, as curl's. No --retry or --paginate here.
int run_parallel(const Session& session, std::vector<PlannedTransfer>& transfers) {
  struct Running {
    PlannedTransfer* planned;
    std::unique_ptr<BodyOutput> output;
    std::unique_ptr<Transfer> transfer;  // destroyed before the output it writes to
  };
  MultiHandle multi(curl_multi_init());
  std::map<CURL*, Running> running;  // after multi: every handle is gone before the multi handle
  std::size_t next = 0;
  long added = 0;
  int exit_code = 0;
  const TransferConfig* skipped_group = nullptr;
  std::optional<ParallelMeter> meter;
  if (!session.global.no_progress_meter) meter.emplace(session.io.diagnostics.stream());
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
    transfer.transfer->finish(result);
    conclude(session, *transfer.planned, *transfer.transfer, *transfer.output);
    const int code = transfer.transfer->outcome().code;
    if (code != 0 && exit_code == 0) exit_code = code;
  };
  bool stopped = false;  // a transfer's set-up failed: curl starts no more
  const auto start_more = [&] {
    while (running.size() < static_cast<std::size_t>(session.global.parallel_max) && next < transfers.size() &&
           !stopped && !(exit_code != 0 && session.global.fail_early)) {
      PlannedTransfer& planned = transfers[next++];
      if (planned.config == skipped_group) continue;
      const bool first_of_group = &planned == &transfers.front() || (&planned - 1)->config != planned.config;
      Running transfer{&planned, body_output_for(session, planned, first_of_group), nullptr};
      if (!transfer.output) {
        skipped_group = planned.config;  // as serially: curl skips the rest of the option group
        continue;
      }
      transfer.transfer = std::make_unique<Transfer>(session, planned, *transfer.output);
      CURL* easy = transfer.transfer->easy();
      if (!transfer.transfer->ready()) {
        stopped = transfer.transfer->outcome().stops_run;
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
      CURL* easy = message->easy_handle;
      auto found = running.find(easy);
      if (meter) meter->transfer_done(amounts_of(easy));
      curl_multi_remove_handle(multi.get(), easy);
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

// --rate: curl waits after a serial transfer so that starts are at least
// ms_per_transfer apart, and says so in verbose mode.
void pace(const Session& session, std::chrono::steady_clock::time_point started) {
  const GlobalConfig& global = session.global;
  const long elapsed = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
  if (elapsed >= global.ms_per_transfer) return;
  const long wait = global.ms_per_transfer - elapsed;
  if (global.trace_mode != TraceMode::kNone) {
    session.io.diagnostics.note("Transfer took " + std::to_string(elapsed) + " ms, waits " + std::to_string(wait) +
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
  const TransferConfig* previous_group = nullptr;
  for (PlannedTransfer& planned : transfers) {
    const bool first_of_group = planned.config != previous_group;
    previous_group = planned.config;
    if (planned.config == skipped_group) continue;
    if (performed && global.ms_per_transfer > 0) pace(session, transfer_started);
    transfer_started = std::chrono::steady_clock::now();
    const bool paginate = planned.config->paginate && planned.plan.workspace;
    std::optional<Outcome> outcome;
    if (paginate)
      outcome.emplace().code = run_paginated(session, planned);
    else
      outcome = run_one(session, planned, first_of_group);
    if (!outcome) {
      skipped_group = planned.config;
      continue;
    }
    // curl: the failure of the transfer before has priority over this one's.
    if (outcome->stops_run) return exit_code != 0 ? exit_code : outcome->code;
    performed = true;
    exit_code = outcome->code;
    if (exit_code != 0 && global.fail_early) break;
  }
  if (!performed && skipped_group != nullptr) {
    session.io.diagnostics.error_unless_silent("no transfer performed");
    return exit_code::kReadError;
  }
  return exit_code;
}

// --libcurl FILE ("-": stdout), written after the transfers, as curl does.
void write_libcurl_source(const Diagnostics& diagnostics, const std::string& path, const std::string& program) {
  const OutputStream file = OutputStream::named(path, "w");
  if (!file) {
    diagnostics.warning("Failed to open " + path + " to write libcurl code");
    return;
  }
  std::fputs(program.c_str(), file.get());
}

}  // namespace

int perform_transfers(const GlobalConfig& global, std::vector<PlannedTransfer>& transfers, Io io) {
  ShareHandle share(curl_share_init());
  for (curl_lock_data data : {CURL_LOCK_DATA_COOKIE, CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION}) {
    curl_share_setopt(share.get(), CURLSHOPT_SHARE, data);
  }
  // The multi handle keeps its own connection cache for -Z; serial transfers share one here.
  if (!global.parallel) curl_share_setopt(share.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
  const OutputStream trace = open_trace_stream(global, io.diagnostics);
  std::optional<LibcurlSource> source;
  if (global.libcurl_file) source.emplace(io.secrets);
  const Session session{global, share.get(), trace.get(), io, source ? &*source : nullptr};
  const int exit_code = global.parallel ? run_parallel(session, transfers) : run_serial(session, transfers);
  if (source) write_libcurl_source(io.diagnostics, *global.libcurl_file, source->program());
  return exit_code;
}

}  // namespace dbcurl
