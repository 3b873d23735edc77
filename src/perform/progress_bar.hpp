#pragma once
// -#: curl's own progress bar ("####   42.0%"), or, while the size is unknown,
// its flying "-=O=-" with four '#' on a sine path. Drawn on stderr (or --stderr).

#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "common/environment.hpp"

namespace dbcurl {

class ProgressBar {
 public:
  // initial_size: the -C offset, so the bar shows progress on the whole file;
  // width: progress_bar_width's.
  ProgressBar(std::FILE* out, long long initial_size, int width);

  static int callback(void* self, curl_off_t download_total, curl_off_t downloaded, curl_off_t upload_total,
                      curl_off_t uploaded);
  // curl ends a bar it has drawn with a newline.
  void finish();

 private:
  void update(curl_off_t total, curl_off_t point);
  void fly(bool moved);

  std::FILE* out_;
  long long initial_size_;
  int width_;
  long calls_ = 0;
  curl_off_t previous_point_ = 0;
  std::chrono::steady_clock::time_point previous_time_{};
  int tick_ = 150;
  int position_ = 0;
  int direction_ = 1;
};

// COLUMNS (21..9999), else the terminal's columns (more than 20; 0 for no
// terminal), else 79; at most 256.
int progress_bar_width(const char* columns, int terminal_columns);
// The same for env's COLUMNS and the terminal on standard input.
int progress_bar_width(const Environment& env);

// "\r" + '#' for the done share of width - 7 columns, padded, then " 42.0%".
std::string progress_bar_line(curl_off_t point, curl_off_t total, int width);

}  // namespace dbcurl
