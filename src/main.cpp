// dbcurl: wires the stages together — parse, resolve and classify, apply and
// perform — and owns the process-level concerns (streams, exit code).

#include <curl/curl.h>

#include <clocale>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "apply/token_http_client.hpp"
#include "apply/url_parser.hpp"
#include "cli/api_paths.hpp"
#include "cli/help.hpp"
#include "cli/parse.hpp"
#include "cli/prompt.hpp"
#include "common/diagnostics.hpp"
#include "common/redact.hpp"
#include "common/strings.hpp"
#include "creds/classify.hpp"
#include "creds/explain_probes.hpp"
#include "creds/helper.hpp"
#include "perform/explain.hpp"
#include "perform/run.hpp"
#include "perform/version.hpp"

namespace dbcurl {
namespace {

int usage_failure(const Diagnostics& diagnostics, const std::string& message) {
  for (std::string_view line : split_lines(message)) diagnostics.error_always(line);
  diagnostics.usage_hint();
  return exit_code::kUsage;
}

int report(const Diagnostics& diagnostics, const Error& error) {
  // dbcurl's own failures (100-119) print their line even under -s, as curl
  // prints usage errors: a silent set-up failure leaves a script's author
  // guessing. The hint lines that follow keep -s's silence.
  if (exit_code::is_dbcurl_failure(error.exit_code)) {
    diagnostics.error_always(error.message);
  } else {
    diagnostics.error(error.message);
  }
  if (!error.hint.empty() && diagnostics.errors_shown()) std::fputs(error.hint.c_str(), diagnostics.stream());
  return error.exit_code;
}

// Where curl's tool stops setting up transfers (see PlanStop), in its words.
// curl ends a run stopped at a -O URL with the run's final result in libcurl's
// words: an earlier transfer's failure, else the write error.
int report_stop(const Diagnostics& diagnostics, PlanStop stop, int code) {
  if (stop == PlanStop::kNoUrl) {
    const int usage = usage_failure(diagnostics, "no URL specified!");
    return code == exit_code::kOk ? usage : code;
  }
  diagnostics.error_unless_silent("Remote file name has no length!");
  const int final_code = code == exit_code::kOk ? CURLE_WRITE_ERROR : code;
  diagnostics.error("(" + std::to_string(final_code) + ") " + curl_easy_strerror(static_cast<CURLcode>(final_code)));
  return final_code;
}

// --explain: what resolution looked at, then what each request would carry.
// Without a URL, or when a request cannot be planned, the resolution still
// shows, so that a first-time user sees what was looked at and where to start.
int explain(const Diagnostics& diagnostics, const SecretRegistry& secrets, CredentialResolver& resolver,
            const Result<TransferPlan>& planned) {
  static const std::vector<PlannedTransfer> kNone;
  const Result<DatabricksConfig>& config = resolver.config();
  const std::vector<std::string> resolution =
      config ? config->explain : std::vector<std::string>{"error: " + config.error().message};
  std::fputs(explain_transfers(resolution, planned ? planned->transfers : kNone, secrets).c_str(), stdout);
  return planned ? exit_code::kOk : report(diagnostics, planned.error());
}

// Prompts for "-u user" without a password, as curl does, once per option set.
void complete_user_passwords(CommandLine& line, SecretRegistry& secrets) {
  for (auto& transfer : line.transfers) {
    // curl asks for no password when --oauth2-bearer gives the credential (SMTP/IMAP XOAUTH2).
    if (!transfer.user || transfer.user->view().find(':') != std::string_view::npos || transfer.oauth2_bearer) continue;
    const std::string user(transfer.user->view());
    std::optional<std::string> typed = prompt_password(user);
    // Typed after planning, which registered every other secret: a typed
    // token (-u token) must be hidden from -v, --libcurl and messages too.
    if (typed && !typed->empty()) secrets.add(*typed);
    std::string userpwd = user + ":" + typed.value_or("");
    transfer.user.emplace(userpwd);
    wipe_string(userpwd);
    if (typed) wipe_string(*typed);
  }
}

// Helper commands run as processes or, under --explain (known only once the
// command line is parsed), not at all: the ExplainRunner says what would run.
class RunOrExplain final : public CommandRunner {
 public:
  RunOrExplain(CommandRunner& runner, CommandRunner& explainer) : runner_(runner), explainer_(explainer) {}
  void explain() { explaining_ = true; }
  Result<SecretString> run(const HelperCommand& command) override {
    return (explaining_ ? explainer_ : runner_).run(command);
  }

 private:
  CommandRunner& runner_;
  CommandRunner& explainer_;
  bool explaining_ = false;
};

int run(int argc, char** argv) {
  SecretRegistry secrets;
  Diagnostics diagnostics(secrets);
  if (argc > 0) diagnostics.set_program_name(argv[0]);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_failure(diagnostics, "");
  ProcessEnvironment env;
  const DiskFileSystem disk;
  ResolutionLimits limits;  // -m and --connect-timeout for the token requests and helpers
  ProcessRunner process_runner(env, &limits);
  ExplainRunner explain_runner;
  RunOrExplain runner(process_runner, explain_runner);
  // The run's I/O, made once: parse, resolution and perform get it.
  const Io io{disk, env, runner, diagnostics, secrets};
  std::FILE* error_file = nullptr;
  const auto redirect_errors = [&error_file, &diagnostics](std::string_view path) {
    if (path == "-") {
      diagnostics.set_stream(stdout);
      return true;
    }
    std::FILE* file = std::fopen(std::string(path).c_str(), "w");
    if (file == nullptr) return false;
    if (error_file != nullptr) std::fclose(error_file);
    error_file = file;
    diagnostics.set_stream(file);
    return true;
  };
  const ParseContext context{io,
                             [&](std::string_view text) { diagnostics.warning(text); },
                             [&](std::string_view text) { diagnostics.error_always(text); },
                             find_curlrc(env),
                             libcurl_features(),
                             redirect_errors};
  Result<CommandLine> parsed = parse_command_line(args, context);
  if (!parsed) {
    // An empty message: the parser already said what curl says, without usage lines.
    if (!parsed.error().message.empty()) usage_failure(diagnostics, parsed.error().message);
    return parsed.error().exit_code;  // 2, or 26 for an unreadable -K file, as curl
  }
  CommandLine& line = *parsed;
  GlobalConfig& global = line.global;
  for (const auto& transfer : line.transfers) {
    if (std::optional<std::string> conflict = request_method_conflict(transfer)) {
      if (!global.silent) diagnostics.warning(*conflict);
      return exit_code::kUsage;  // curl: the warning alone, exit 2
    }
  }

  diagnostics.set_silent(global.silent);
  diagnostics.set_show_error(global.show_error);

  if (global.show_manual && !manual_text().empty()) {
    std::fwrite(manual_text().data(), 1, manual_text().size(), stdout);
    return exit_code::kOk;
  }
  if (global.show_help || global.show_manual) {
    const std::optional<std::string> category = global.show_manual ? "all" : global.help_category;
    std::fputs(help_text(diagnostics.program_name(), category).c_str(), stdout);
    return exit_code::kOk;
  }
  if (global.show_version) {
    std::fputs(version_banner().c_str(), stdout);
    return exit_code::kOk;
  }
  if (global.list_engines) {
    std::fputs(engine_list().c_str(), stdout);
    return exit_code::kOk;
  }

  if (global.list_api_paths) {
    for (std::string_view path : api_paths()) std::printf("%.*s\n", static_cast<int>(path.size()), path.data());
    return exit_code::kOk;
  }

  const auto warn = [&](std::string_view text) { diagnostics.warning(text); };
  const TokenCache cache(TokenCache::default_directory(env));
  CurlTokenHttp http(env, secrets, &limits);
  // --explain runs no helper and sends no token request: it says which it would.
  if (global.explain) runner.explain();
  ExplainTokenHttp explain_http;
  CredentialResolver resolver(io, global.profile, &cache, parse_url_as_libcurl,
                              global.explain ? static_cast<TokenHttp*>(&explain_http) : &http, warn);
  if (global.list_profiles) {
    const auto& dbcurl = resolver.dbcurl_config();
    if (!dbcurl) return report(diagnostics, dbcurl.error());
    Result<std::vector<std::string>> names = list_profile_names(resolver.files(), *dbcurl ? &**dbcurl : nullptr);
    if (!names) return report(diagnostics, names.error());
    for (const auto& name : *names) std::printf("%s\n", name.c_str());
    return exit_code::kOk;
  }

  Result<TransferPlan> plan = plan_transfers(line, resolver, warn, &limits);
  if (global.explain) return explain(diagnostics, secrets, resolver, plan);
  if (!plan) return report(diagnostics, plan.error());
  if (plan->transfers.empty() && !plan->stop) plan->stop = PlanStop::kNoUrl;

  complete_user_passwords(line, secrets);
  int code = plan->transfers.empty() ? exit_code::kOk : perform_transfers(global, plan->transfers, io);
  // As curl: --fail-early ends the run at the failure, before the stop is reached.
  if (plan->stop && !(code != exit_code::kOk && global.fail_early)) code = report_stop(diagnostics, *plan->stop, code);
  if (error_file != nullptr) std::fclose(error_file);
  return code;
}

}  // namespace
}  // namespace dbcurl

int main(int argc, char** argv) {
  // As curl: the user's locale, which libcurl's IDN conversion of host names
  // needs, but numbers in the C locale ("-m 0.5" under de_DE, "%5.1f" meters).
  std::setlocale(LC_ALL, "");
  std::setlocale(LC_NUMERIC, "C");
  // As curl: a reader that went away is a write error (23), not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const int code = dbcurl::run(argc, argv);
  curl_global_cleanup();
  return code;
}
