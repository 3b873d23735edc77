#pragma once
// -Z's progress meter, as curl 7.88 draws it: one header line, then one line
// redrawn (at most twice a second) with the totals of every transfer, ended
// by a final line. Shown unless --no-progress-meter (curl shows it under -s).

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <set>
#include <span>
#include <string>

namespace dbcurl {

class ParallelMeter {
 public:
  using Clock = std::chrono::steady_clock;

  // What one transfer has moved so far; totals are 0 while unknown.
  struct Amounts {
    std::size_t id = 0;
    curl_off_t downloaded = 0;
    curl_off_t download_total = 0;
    curl_off_t uploaded = 0;
    curl_off_t upload_total = 0;
  };

  explicit ParallelMeter(std::FILE* out) : out_(out), start_(Clock::now()) {}

  // Whether update would draw: the header is due, half a second has passed
  // since the last line, or final. Lets the caller skip gathering amounts.
  bool due(bool final) const;
  // Draws the line (after the header, the first time).
  void update(std::span<const Amounts> running, long transfers_added, bool final);
  // A finished transfer's bytes stay in the totals.
  void transfer_done(const Amounts& amounts);

 private:
  struct Sample {
    curl_off_t downloaded = 0;
    curl_off_t uploaded = 0;
    Clock::time_point when;
  };
  void count_totals(const Amounts& amounts);  // each transfer's known sizes, once

  std::FILE* out_;
  Clock::time_point start_;
  Clock::time_point last_line_{};
  bool header_shown_ = false;
  curl_off_t downloaded_before_ = 0;  // by finished transfers
  curl_off_t uploaded_before_ = 0;
  curl_off_t download_total_ = 0;  // every known size, each counted once
  curl_off_t upload_total_ = 0;
  std::set<std::size_t> download_total_counted_;
  std::set<std::size_t> upload_total_counted_;
  std::array<Sample, 10> samples_{};  // the speed is measured over the last ten lines
  std::size_t next_sample_ = 0;
  bool samples_wrapped_ = false;
};

// curl's five-column byte counts: "12345", " 976k", "97.6M", "9765M", "95.3G", ...
std::string five_column_size(curl_off_t bytes);
// curl's eight-column durations: "--:--:--", " 1:02:03", "  4d 05h", "   1234d".
std::string eight_column_time(curl_off_t seconds);

}  // namespace dbcurl
