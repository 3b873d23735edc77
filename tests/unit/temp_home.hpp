#pragma once
// A temporary HOME for tests that read config files.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "creds/environment.hpp"
#include "creds/helper.hpp"

namespace dbcurl::testing {

class TempHome {
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

  MapEnvironment env;

 private:
  std::filesystem::path dir_;
};

// A CommandRunner that records the commands and answers from a script.
class FakeRunner final : public CommandRunner {
 public:
  Result<SecretString> run(const HelperCommand& command) override {
    commands.push_back(command.argv);
    if (!answers.empty()) {
      Result<SecretString> answer = std::move(answers.front());
      answers.erase(answers.begin());
      return answer;
    }
    return make_error(exit_code::kHelperFailed, "no answer scripted for " + describe_command(command.argv));
  }
  void answer(std::string output) { answers.emplace_back(SecretString(output)); }
  void fail(std::string message) { answers.emplace_back(make_error(exit_code::kHelperFailed, std::move(message))); }

  std::vector<std::vector<std::string>> commands;
  std::vector<Result<SecretString>> answers;
};

}  // namespace dbcurl::testing
