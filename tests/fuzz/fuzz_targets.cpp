// libFuzzer targets: every parser of outside input. One binary holds them all
// (one build and link, not seven); DBCURL_FUZZ_TARGET names the one a run
// fuzzes. Any crash, hang, leak or sanitizer report fails the bounded run in
// CI (tests/fuzz/run_fuzzer.sh).

#include <curl/curl.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apply/url_parser.hpp"
#include "cli/parse.hpp"
#include "common/io.hpp"
#include "common/redact.hpp"
#include "creds/classify.hpp"
#include "creds/dbcurl_config.hpp"
#include "creds/ini.hpp"
#include "creds/netrc.hpp"
#include "creds/url.hpp"
#include "perform/write_out.hpp"

namespace {

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// NUL-separated words, as argv would be.
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\0', start), text.size());
    words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

class RefusingRunner final : public dbcurl::CommandRunner {
 public:
  dbcurl::Result<dbcurl::SecretString> run(const dbcurl::HelperCommand&) override {
    return dbcurl::make_error(dbcurl::exit_code::kHelperFailed, "no helpers while fuzzing");
  }
};

// Every file holds the same text, or none exists: fuzzing reads no disk.
class FuzzFiles final : public dbcurl::FileSystem {
 public:
  explicit FuzzFiles(std::optional<std::string> text) : text_(std::move(text)) {}
  dbcurl::FileContent read_whole_file(const std::string&, dbcurl::ReadLimit limit) const override {
    if (!text_) return dbcurl::FileContent{dbcurl::FileContent::Outcome::kCannotOpen, {}, ENOENT};
    return dbcurl::read_within_limit(*text_, limit);
  }
  bool shared_with_others(const std::string&) const override { return false; }

 private:
  std::optional<std::string> text_;
};

void fuzz_parse(std::string_view text) {
  const FuzzFiles files("file data\r\n");
  const dbcurl::MapEnvironment env;
  RefusingRunner runner;
  dbcurl::SecretRegistry secrets;
  const dbcurl::Diagnostics diagnostics(secrets);
  const dbcurl::ParseContext context{dbcurl::Io{files, env, runner, diagnostics, secrets},
                                     [](std::string_view) {},
                                     [](std::string_view) {},
                                     std::nullopt,
                                     dbcurl::LibcurlFeatures{},
                                     [](std::string_view) { return true; }};
  (void)dbcurl::parse_command_line(split_words(text), context);
}

void fuzz_ini(std::string_view text) { (void)dbcurl::parse_ini(text, "fuzz.cfg"); }

void fuzz_netrc(std::string_view text) { (void)dbcurl::netrc_lookup(text, "host.example", std::nullopt, "fuzz.netrc"); }

void fuzz_toml(std::string_view text) { (void)dbcurl::parse_dbcurl_config(text, "fuzz.toml"); }

void fuzz_url(std::string_view text) {
  const std::string url(text);
  (void)dbcurl::repair_doubled_scheme(url);
  (void)dbcurl::normalize_host(url);
  dbcurl::MapEnvironment env;
  env.set("HOME", "/nonexistent-fuzz-home");
  env.set("DATABRICKS_HOST", "https://ws.cloud.databricks.com");
  env.set("DATABRICKS_TOKEN", "dapi0123456789abcdef0123456789abcdef");
  RefusingRunner runner;
  dbcurl::SecretRegistry secrets;
  const dbcurl::Diagnostics diagnostics(secrets);
  const FuzzFiles files(std::nullopt);
  dbcurl::CredentialResolver resolver(dbcurl::Io{files, env, runner, diagnostics, secrets}, std::nullopt, nullptr,
                                      dbcurl::parse_url_as_libcurl);
  dbcurl::TransferConfig transfer;
  (void)dbcurl::plan_request(url, transfer, resolver, [](std::string_view) {});
}

void fuzz_write_out(std::string_view text) {
  static CURL* easy = curl_easy_init();
  static std::FILE* sink = std::fopen("/dev/null", "w");
  static const dbcurl::SecretRegistry secrets;
  const dbcurl::WriteOutFacts facts{easy, 7, "error text", "file.out", "https://h/", 0, secrets};
  dbcurl::write_out(text, facts, sink, sink, [](std::string_view) {});
}

void fuzz_redact(std::string_view text) {
  dbcurl::SecretRegistry secrets;
  secrets.add("a-registered-secret");
  (void)secrets.redact_trace(text);
  // The same text as a stream, cut where its first byte says, with a pause between.
  dbcurl::RedactingStream stream(secrets);
  const std::size_t cut = text.empty() ? 0 : static_cast<unsigned char>(text[0]) % (text.size() + 1);
  (void)stream.write(text.substr(0, cut));
  (void)stream.pause();
  (void)stream.write(text.substr(cut));
  (void)stream.finish();
}

// The names are those of tests/fuzz/CMakeLists.txt and of the seed corpora.
struct FuzzTarget {
  std::string_view name;
  void (*run)(std::string_view);
};
constexpr FuzzTarget kTargets[] = {{"parse", fuzz_parse},  {"ini", fuzz_ini}, {"netrc", fuzz_netrc},
                                   {"toml", fuzz_toml},    {"url", fuzz_url}, {"write_out", fuzz_write_out},
                                   {"redact", fuzz_redact}};

void (*chosen_target)(std::string_view) = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* name = std::getenv("DBCURL_FUZZ_TARGET");
  for (const FuzzTarget& target : kTargets) {
    if (name != nullptr && target.name == name) chosen_target = target.run;
  }
  if (chosen_target == nullptr) {
    std::fprintf(stderr, "fuzz_targets: DBCURL_FUZZ_TARGET must name a target (parse, ini, netrc, ...)\n");
    std::exit(2);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  chosen_target(as_text(data, size));
  return 0;
}
