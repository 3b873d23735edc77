#include "cli/prompt.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

#include "common/secret.hpp"

namespace dbcurl {

std::optional<std::string> prompt_password(const std::string& user) {
  std::fprintf(stderr, "Enter host password for user '%s':", user.c_str());
  std::fflush(stderr);
  const int tty = ::open("/dev/tty", O_RDONLY | O_CLOEXEC);
  const int fd = tty >= 0 ? tty : STDIN_FILENO;
  termios saved{};
  const bool echo_off = ::tcgetattr(fd, &saved) == 0;
  if (echo_off) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::string typed;
  char c = 0;
  // At most what curl's 2048-byte password buffer holds: stdin may be /dev/zero.
  while (typed.size() < 2047 && ::read(fd, &c, 1) == 1 && c != '\n') {
    if (c != '\r') typed += c;
  }
  if (echo_off) ::tcsetattr(fd, TCSAFLUSH, &saved);
  if (tty >= 0) ::close(tty);
  std::fputc('\n', stderr);
  return typed;
}

}  // namespace dbcurl
