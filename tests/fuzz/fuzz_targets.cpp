// libFuzzer targets: every parser of outside input. One binary per target,
// chosen at compile time with -DFUZZ_TARGET_<NAME>. Any crash, hang, leak or
// sanitizer report fails the bounded run in CI (tests/fuzz/run_fuzzer.sh).

#include <curl/curl.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
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
[[maybe_unused]] std::vector<std::string> split_words(std::string_view text) {
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
#if defined(FUZZ_TARGET_PARSE)
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
#elif defined(FUZZ_TARGET_INI)
  (void)dbcurl::parse_ini(text, "fuzz.cfg");
#elif defined(FUZZ_TARGET_NETRC)
  auto entries = dbcurl::parse_netrc(text, "fuzz.netrc");
  if (entries) (void)dbcurl::find_netrc_entry(*entries, "host.example");
#elif defined(FUZZ_TARGET_TOML)
  (void)dbcurl::parse_dbcurl_config(text, "fuzz.toml");
#elif defined(FUZZ_TARGET_URL)
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
#elif defined(FUZZ_TARGET_WRITE_OUT)
  static CURL* easy = curl_easy_init();
  static std::FILE* sink = std::fopen("/dev/null", "w");
  static const dbcurl::SecretRegistry secrets;
  const dbcurl::WriteOutFacts facts{easy, 7, "error text", "file.out", "https://h/", 0, secrets};
  dbcurl::write_out(text, facts, sink, sink, [](std::string_view) {});
#elif defined(FUZZ_TARGET_REDACT)
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
#else
#error "define one FUZZ_TARGET_*"
#endif
  return 0;
}
