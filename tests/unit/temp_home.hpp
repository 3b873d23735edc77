#pragma once
// A temporary HOME on the disk, for tests of the disk itself (permission
// warnings, the token cache, helpers on PATH); FakeHome (fake_io.hpp) where
// files are only read.

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "common/io.hpp"
#include "creds/resolve.hpp"
#include "creds/token_http.hpp"
#include "fake_io.hpp"

namespace dbcurl::testing {

// A workspace at https://host with no config file: what a token source sees.
inline DatabricksConfig workspace_config(const std::string& host) {
  DatabricksConfig config;
  config.config_file = "/nonexistent/.databrickscfg";
  config.workspace = WorkspaceHost{"https", host, "", std::nullopt};
  return config;
}

class TempHome : public FakeRun<DiskFileSystem> {
 public:
  TempHome() {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() / ("dbcurl-unit-" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
    env.set("HOME", dir_.string());
  }
  ~TempHome() { std::filesystem::remove_all(dir_); }
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;

  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    return path.string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

// A TokenHttp that records the requests and answers from a script, in order.
class FakeTokenHttp final : public TokenHttp {
 public:
  struct Sent {
    std::string method;  // "GET" or "POST"
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::pair<std::string, std::string>> fields;
    std::optional<std::pair<std::string, std::string>> basic;
  };
  Result<HttpReply> get(const std::string& url, const std::vector<HttpField>& headers) override {
    sent.push_back({"GET", url, plain(headers), {}, std::nullopt});
    return next();
  }
  Result<HttpReply> post_form(const std::string& url, const std::vector<HttpField>& headers,
                              const std::vector<HttpField>& fields, const BasicCredentials* basic) override {
    sent.push_back({"POST", url, plain(headers), plain(fields), std::nullopt});
    if (basic != nullptr) sent.back().basic = std::make_pair(basic->user, std::string(basic->password.view()));
    return next();
  }
  void answer(long status, std::string body) {
    HttpReply reply;
    reply.status = status;
    reply.content_type = "application/json";
    reply.body = SecretString(body);
    answers.emplace_back(std::move(reply));
  }
  void fail(std::string message) {
    answers.emplace_back(make_error(exit_code::kTokenRequestFailed, std::move(message)));
  }

  std::vector<Sent> sent;
  std::vector<Result<HttpReply>> answers;

 private:
  static std::vector<std::pair<std::string, std::string>> plain(const std::vector<HttpField>& fields) {
    std::vector<std::pair<std::string, std::string>> result;
    for (const HttpField& field : fields) result.emplace_back(field.name, std::string(field.value.view()));
    return result;
  }
  Result<HttpReply> next() {
    if (answers.empty()) return make_error(exit_code::kTokenRequestFailed, "no answer scripted for " + sent.back().url);
    Result<HttpReply> answer = std::move(answers.front());
    answers.erase(answers.begin());
    return answer;
  }
};

}  // namespace dbcurl::testing
