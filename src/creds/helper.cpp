#include "creds/helper.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace dbcurl {

namespace bp = boost::process;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kExitPollInterval = std::chrono::milliseconds(5);

Error helper_error(const HelperCommand& command, const std::string& what) {
  std::string message = "token helper '" + describe_command(command.argv) + "' " + what;
  if (!command.origin.empty()) message += " (configured in " + command.origin + ")";
  return make_error(exit_code::kHelperFailed, message);
}

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(left);
}

// Reads until EOF, the size limit or the deadline. Returns false on timeout.
enum class ReadEnd { kEof, kTooLarge, kTimedOut };
ReadEnd read_all(int fd, std::string& output, Clock::time_point deadline) {
  char buffer[4096];
  for (;;) {
    pollfd watch{fd, POLLIN, 0};
    const int ready = ::poll(&watch, 1, remaining_ms(deadline));
    if (ready == 0) return ReadEnd::kTimedOut;
    if (ready < 0) {
      if (errno == EINTR) continue;
      return ReadEnd::kEof;
    }
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return ReadEnd::kEof;
    output.append(buffer, static_cast<std::size_t>(got));
    explicit_bzero(buffer, sizeof buffer);
    if (output.size() > kMaxHelperOutput) return ReadEnd::kTooLarge;
  }
}

// Set up in the forked child before exec: a process group of its own, so that
// what the helper forks is killed with it at the timeout (a grandchild holding
// dbcurl's stderr would keep `dbcurl ... 2>&1 | cat` waiting), and none of
// dbcurl's descriptors but 0-2 survive the exec.
struct IsolatedHelper : bp::extend::handler {
  template <typename Executor>
  void on_exec_setup(Executor& /*exec*/) const {
    ::setpgid(0, 0);
    ::signal(SIGPIPE, SIG_DFL);  // dbcurl ignores it; an ignored signal would survive the exec
    if (::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {  // kernels before 5.11
      const long limit = std::min(::sysconf(_SC_OPEN_MAX), 65536L);
      for (int fd = 3; fd < limit; ++fd) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
  }
  // Also from the parent: the group exists before anything can be killed.
  template <typename Executor>
  void on_success(Executor& exec) const {
    ::setpgid(exec.pid, exec.pid);
  }
};

// SIGKILL to the helper's whole process group, then the helper reaped.
void kill_group(bp::child& child) {
  std::error_code ignored;
  ::kill(-child.id(), SIGKILL);
  child.terminate(ignored);
}

}  // namespace

std::optional<std::string> find_executable(const std::string& name, std::string_view path_list) {
  if (name.find('/') != std::string::npos) {
    if (::access(name.c_str(), X_OK) == 0) return name;
    return std::nullopt;
  }
  std::size_t start = 0;
  for (;;) {
    const auto end = std::min(path_list.find(':', start), path_list.size());
    const std::string dir = end > start ? std::string(path_list.substr(start, end - start)) : ".";
    const std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (end >= path_list.size()) return std::nullopt;
    start = end + 1;
  }
}

std::string describe_command(const std::vector<std::string>& argv) {
  std::string text;
  for (const auto& word : argv) text += (text.empty() ? "" : " ") + word;
  return text;
}

Result<SecretString> ProcessRunner::run(const HelperCommand& command) {
  if (command.argv.empty() || command.argv[0].empty()) return helper_error(command, "is empty");
  const std::optional<std::string> executable = find_executable(command.argv[0], env_.get("PATH").value_or(""));
  if (!executable) return helper_error(command, "was not found on PATH");

  const std::chrono::milliseconds allowed = limits_ != nullptr ? limits_->allow(command.timeout) : command.timeout;
  const std::string cut_short = allowed < command.timeout ? ", what was left of " + limits_->describe() : "";
  if (allowed.count() == 0) {
    Error not_run = helper_error(command, "was not run: the time of " + limits_->describe() + " had run out");
    not_run.kind = ErrorKind::kTimedOut;
    return not_run;
  }
  const Clock::time_point deadline = Clock::now() + allowed;
  bp::pipe out;
  std::error_code launch_error;
  bp::child child(*executable, bp::args(std::vector<std::string>(command.argv.begin() + 1, command.argv.end())),
                  bp::std_in<bp::null, bp::std_out> out, IsolatedHelper{}, launch_error);
  if (launch_error) return helper_error(command, "could not be started: " + launch_error.message());

  std::string output;
  const ReadEnd end = read_all(out.native_source(), output, deadline);
  out.close();

  // stdout closed: give the command what is left of its time to exit.
  std::error_code state;
  while (end == ReadEnd::kEof && child.running(state) && Clock::now() < deadline) {
    std::this_thread::sleep_for(kExitPollInterval);
  }
  if (end != ReadEnd::kEof || child.running(state)) {
    kill_group(child);  // never left behind, nor what it forked
    wipe_string(output);
    if (end == ReadEnd::kTooLarge) return helper_error(command, "printed more than 64 KiB");
    Error timed_out = helper_error(command, "timed out after " + format_seconds(allowed) + cut_short);
    timed_out.kind = ErrorKind::kTimedOut;
    return timed_out;
  }
  const int status = child.exit_code();
  if (status != 0) {
    wipe_string(output);
    return helper_error(command, "failed with exit code " + std::to_string(status));
  }
  SecretString secret(output);
  wipe_string(output);
  return secret;
}

}  // namespace dbcurl
