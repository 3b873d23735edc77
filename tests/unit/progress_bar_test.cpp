#include <catch2/catch.hpp>

#include "perform/parallel_meter.hpp"
#include "perform/progress_bar.hpp"

using namespace dbcurl;

TEST_CASE("-# draws curl's bar: '#' for the done share of width - 7 columns, then the percentage") {
  CHECK(progress_bar_line(50, 100, 79) == "\r" + std::string(36, '#') + std::string(36, ' ') + "  50.0%");
  CHECK(progress_bar_line(100, 100, 79) == "\r" + std::string(72, '#') + " 100.0%");
  CHECK(progress_bar_line(0, 100, 30) == "\r" + std::string(23, ' ') + "   0.0%");
  // More than announced counts as done.
  CHECK(progress_bar_line(150, 100, 30) == "\r" + std::string(23, '#') + " 100.0%");
}

TEST_CASE("-# takes its width from COLUMNS when it is a sane number, else from the terminal, else 79") {
  CHECK(progress_bar_width("40", 0) == 40);
  CHECK(progress_bar_width("40", 120) == 40);
  CHECK(progress_bar_width("1000", 0) == 256);
  CHECK(progress_bar_width("20", 0) == 79);  // too narrow: ignored
  CHECK(progress_bar_width("20", 120) == 120);
  CHECK(progress_bar_width("40x", 100) == 100);
  CHECK(progress_bar_width(nullptr, 300) == 256);
  CHECK(progress_bar_width(nullptr, 20) == 79);  // too narrow a terminal
  CHECK(progress_bar_width(nullptr, 0) == 79);
}

TEST_CASE("-# reads COLUMNS from the run's Environment, not the process's") {
  // A sane COLUMNS wins over any terminal on standard input.
  MapEnvironment env;
  env.set("COLUMNS", "43");
  CHECK(progress_bar_width(env) == 43);
  env.set("COLUMNS", "211");
  CHECK(progress_bar_width(env) == 211);
}

TEST_CASE("-Z's meter writes sizes in five columns and times in eight, as curl") {
  CHECK(five_column_size(0) == "    0");
  CHECK(five_column_size(99999) == "99999");
  CHECK(five_column_size(100000) == "  97k");
  CHECK(five_column_size(5 * 1024 * 1024 + 512 * 1024) == "5632k");
  CHECK(five_column_size(50 * 1024 * 1024 + 512 * 1024) == "50.5M");
  CHECK(five_column_size(2000LL * 1024 * 1024) == "2000M");
  CHECK(five_column_size(20LL * 1024 * 1024 * 1024) == "20.0G");
  CHECK(eight_column_time(0) == "--:--:--");
  CHECK(eight_column_time(3723) == " 1:02:03");
  CHECK(eight_column_time(100 * 3600 + 5 * 86400) == "  9d 04h");
  CHECK(eight_column_time(1000LL * 86400) == "   1000d");
}
