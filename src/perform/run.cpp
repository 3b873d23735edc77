#include "perform/run.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include "apply/apply.hpp"
#include "common/diagnostics.hpp"
#include "common/redact.hpp"
#include "perform/output.hpp"
#include "perform/trace.hpp"
#include "perform/write_out.hpp"

namespace dbcurl {

namespace {

constexpr int kHttpErrorThreshold = 400;

const char* const kCertificateHelp =
    "More details here: https://curl.se/docs/sslcerts.html\n\n"
    "dbcurl failed to verify the legitimacy of the server and therefore could not\n"
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

struct Outcome {
  int code = 0;
  std::string message;
};

Outcome run_one(const GlobalConfig& global, PlannedTransfer& planned, CURLSH* share, std::FILE* trace_stream,
                const Environment& env) {
  const TransferConfig& config = *planned.config;
  BodyOutput output(planned.output, config.include_headers || config.head);
  char error_buffer[CURL_ERROR_SIZE] = {};
  EasyHandle easy(curl_easy_init());
  if (!easy) return {CURLE_FAILED_INIT, "curl_easy_init failed"};

  // curl counts data in -v only when the body does not share the terminal.
  const bool show_data_notes = !output.to_terminal() || (trace_stream != stdout && trace_stream != stderr);
  TraceWriter trace(global.trace_mode, trace_stream, global.trace_time, show_data_notes);
  TransferSinks sinks;
  sinks.write_body = &BodyOutput::body_callback;
  sinks.body_data = &output;
  sinks.write_header = &BodyOutput::header_callback;
  sinks.header_data = &output;
  if (trace_stream != nullptr) {
    sinks.trace = &TraceWriter::callback;
    sinks.trace_data = &trace;
  }
  sinks.error_stream = diagnostics().stream();
  sinks.progress_meter = !global.silent && !global.no_progress_meter && !output.to_terminal();
  sinks.error_buffer = error_buffer;

  AppliedTransfer owned;
  if (Status applied = apply_transfer(easy.get(), share, config, planned.plan, sinks, env, owned); !applied) {
    return {applied.error().exit_code, applied.error().message};
  }
  const CURLcode result = curl_easy_perform(easy.get());
  Outcome outcome{static_cast<int>(result), error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(result)};
  if (result == CURLE_OK) outcome.message.clear();
  if (result == CURLE_OK && config.fail_with_body) {
    long status = 0;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status >= kHttpErrorThreshold) {
      outcome = {CURLE_HTTP_RETURNED_ERROR, "The requested URL returned error: " + std::to_string(status)};
    }
  }
  output.finish(outcome.code == 0);

  if (outcome.code != 0 && !output.refused_binary()) {
    diagnostics().error("(" + std::to_string(outcome.code) + ") " + outcome.message);
    if (outcome.code == CURLE_PEER_FAILED_VERIFICATION && diagnostics().errors_shown()) {
      std::fputs(kCertificateHelp, diagnostics().stream());
    }
  }
  if (config.write_out) {
    WriteOutFacts facts{easy.get(),        outcome.code,      outcome.message,
                        output.filename(), planned.given_url, planned.url_index};
    write_out(*config.write_out, facts, stdout, diagnostics().stream(), [](std::string_view name) {
      diagnostics().usage_error("unknown --write-out variable: '" + std::string(name) + "'");
    });
  }
  return outcome;
}

}  // namespace

int perform_transfers(const GlobalConfig& global, std::vector<PlannedTransfer>& transfers, const Environment& env) {
  ShareHandle share(curl_share_init());
  for (curl_lock_data data :
       {CURL_LOCK_DATA_COOKIE, CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION, CURL_LOCK_DATA_CONNECT}) {
    curl_share_setopt(share.get(), CURLSHOPT_SHARE, data);
  }
  OwnedFile owned_trace;
  std::FILE* trace_stream = open_trace_stream(global, owned_trace);
  int exit_code = 0;
  for (auto& planned : transfers) {
    exit_code = run_one(global, planned, share.get(), trace_stream, env).code;
    if (exit_code != 0 && global.fail_early) break;
  }
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
