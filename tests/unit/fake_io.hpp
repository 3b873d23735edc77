#pragma once
// Fakes for the run's Io (common/io.hpp): files in memory, a map for the
// environment, a scripted runner. FakeHome puts them together.

#include <cerrno>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/io.hpp"
#include "creds/helper.hpp"

namespace dbcurl::testing {

// Files in memory, read within the limits the disk reads with. Paths are
// compared as the disk would (a/./b and a//b are a/b).
class MemoryFileSystem final : public FileSystem {
 public:
  // A file holding text; shared: group or others may read it.
  void write(const std::string& path, std::string text, bool shared = false) {
    files_[normal(path)] = Entry{std::move(text), shared, std::nullopt};
  }
  // A file whose read ends as outcome says (kReadError with EISDIR: a directory).
  void fail(const std::string& path, FileContent::Outcome outcome, int error_number = 0) {
    files_[normal(path)] = Entry{{}, false, FileContent{outcome, {}, error_number}};
  }
  void remove(const std::string& path) { files_.erase(normal(path)); }

  FileContent read_whole_file(const std::string& path, ReadLimit limit = {}) const override {
    reads.push_back(path);
    const auto found = files_.find(normal(path));
    if (found == files_.end()) return FileContent{FileContent::Outcome::kCannotOpen, {}, ENOENT};
    if (found->second.failure) return *found->second.failure;
    return read_within_limit(found->second.text, limit);
  }
  bool shared_with_others(const std::string& path) const override {
    const auto found = files_.find(normal(path));
    return found != files_.end() && found->second.shared;
  }

  mutable std::vector<std::string> reads;  // every path read, in order

 private:
  static std::string normal(const std::string& path) { return std::filesystem::path(path).lexically_normal().string(); }
  struct Entry {
    std::string text;
    bool shared = false;
    std::optional<FileContent> failure;
  };
  std::map<std::string, Entry> files_;
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
  void time_out(std::string message) {
    Error timed_out = make_error(exit_code::kHelperFailed, std::move(message));
    timed_out.kind = ErrorKind::kTimedOut;
    answers.emplace_back(std::move(timed_out));
  }

  std::vector<std::vector<std::string>> commands;
  std::vector<Result<SecretString>> answers;
};

// What a test run does its I/O with: Files (the disk or files in memory) and
// fakes for the rest. FakeHome and TempHome (temp_home.hpp) are its HOMEs.
template <class Files>
struct FakeRun {
  // The Io of a run, with runner (the run's own by default).
  Io io(CommandRunner& with) { return Io{files, env, with, diagnostics, secrets}; }
  Io io() { return io(runner); }

  Files files;
  MapEnvironment env;
  FakeRunner runner;
  SecretRegistry secrets;  // the test run's
  Diagnostics diagnostics{secrets};
};

// A HOME of files in memory (/home/test, on a MemoryFileSystem), for tests that
// only need files read; tests of the disk itself use TempHome (temp_home.hpp).
class FakeHome : public FakeRun<MemoryFileSystem> {
 public:
  FakeHome() { env.set("HOME", "/home/test"); }
  FakeHome(const FakeHome&) = delete;
  FakeHome& operator=(const FakeHome&) = delete;

  std::string write(const std::string& name, const std::string& text) {
    files.write(path(name), text);
    return path(name);
  }
  std::string path(const std::string& name) const { return "/home/test/" + name; }
};

}  // namespace dbcurl::testing
