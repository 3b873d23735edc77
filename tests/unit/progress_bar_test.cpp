#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>

#include "perform/progress_bar.hpp"

using namespace dbcurl;

TEST_CASE("-# draws curl's bar: '#' for the done share of width - 7 columns, then the percentage") {
  CHECK(progress_bar_line(50, 100, 79) == "\r" + std::string(36, '#') + std::string(36, ' ') + "  50.0%");
  CHECK(progress_bar_line(100, 100, 79) == "\r" + std::string(72, '#') + " 100.0%");
  CHECK(progress_bar_line(0, 100, 30) == "\r" + std::string(23, ' ') + "   0.0%");
  // More than announced counts as done.
  CHECK(progress_bar_line(150, 100, 30) == "\r" + std::string(23, '#') + " 100.0%");
}

TEST_CASE("-# takes its width from COLUMNS when it is a sane number") {
  ::setenv("COLUMNS", "40", 1);
  CHECK(progress_bar_width() == 40);
  ::setenv("COLUMNS", "1000", 1);
  CHECK(progress_bar_width() == 256);
  ::setenv("COLUMNS", "20", 1);  // too narrow: ignored, the terminal or 79 decides
  if (::isatty(STDIN_FILENO) == 0) CHECK(progress_bar_width() == 79);
  ::unsetenv("COLUMNS");
}
