#include "perform/progress_bar.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <limits>

namespace dbcurl {

namespace {

constexpr int kMaxBarWidth = 256;
constexpr auto kMinInterval = std::chrono::milliseconds(100);  // curl redraws at most 10 times a second

// sin(x) by its Taylor series, for a table computed at compile time (no libm at run time).
constexpr double taylor_sin(double x) {
  constexpr double kPi = 3.14159265358979323846;
  while (x > kPi) x -= 2 * kPi;
  double term = x;
  double sum = x;
  for (int n = 1; n < 20; ++n) {
    term *= -x * x / ((2 * n) * (2 * n + 1));
    sum += term;
  }
  return sum;
}

// curl's table: 500000 + 500000 * sin(2 pi i / 200), rounded.
constexpr std::array<int, 200> kSine = [] {
  std::array<int, 200> table{};
  for (int i = 0; i < 200; ++i) {
    const double value = 500000.0 + 500000.0 * taylor_sin(2 * 3.14159265358979323846 * i / 200);
    table[static_cast<std::size_t>(i)] = static_cast<int>(value + 0.5);
  }
  return table;
}();

}  // namespace

int progress_bar_width(const char* columns, int terminal_columns) {
  int width = 0;
  if (columns != nullptr) {
    char* end = nullptr;
    const long number = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && number > 20 && number < 10000) width = static_cast<int>(number);
  }
  if (width == 0 && terminal_columns > 20) width = terminal_columns;
  if (width == 0) return 79;
  return width > kMaxBarWidth ? kMaxBarWidth : width;
}

int progress_bar_width(const Environment& env) {
  struct winsize size {};
  const int terminal_columns = ::ioctl(STDIN_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
  const std::optional<std::string> columns = env.get("COLUMNS");
  return progress_bar_width(columns ? columns->c_str() : nullptr, terminal_columns);
}

std::string progress_bar_line(curl_off_t point, curl_off_t total, int width) {
  if (point > total) total = point;  // more than announced
  const double fraction = static_cast<double>(point) / static_cast<double>(total);
  const int bar_width = width - 7;
  int filled = static_cast<int>(bar_width * fraction);
  if (filled > kMaxBarWidth) filled = kMaxBarWidth;
  std::string line = "\r" + std::string(static_cast<std::size_t>(filled), '#');
  if (filled < bar_width) line.append(static_cast<std::size_t>(bar_width - filled), ' ');
  char percent[16];
  std::snprintf(percent, sizeof percent, " %5.1f%%", fraction * 100.0);
  return line + percent;
}

ProgressBar::ProgressBar(std::FILE* out, long long initial_size, int width)
    : out_(out), initial_size_(initial_size), width_(width) {}

int ProgressBar::callback(void* self, curl_off_t download_total, curl_off_t downloaded, curl_off_t upload_total,
                          curl_off_t uploaded) {
  auto& bar = *static_cast<ProgressBar*>(self);
  constexpr curl_off_t kMax = std::numeric_limits<curl_off_t>::max();
  const curl_off_t initial = bar.initial_size_;
  const curl_off_t total =
      kMax - initial < download_total + upload_total ? kMax : download_total + upload_total + initial;
  const curl_off_t point = kMax - initial < downloaded + uploaded ? kMax : downloaded + uploaded + initial;
  bar.update(total, point);
  return 0;
}

// curl's pacing: a known size redraws on progress, at most every 100 ms until
// 100%; an unknown one flies every 100 ms.
void ProgressBar::update(curl_off_t total, curl_off_t point) {
  const auto now = std::chrono::steady_clock::now();
  if (calls_ > 0) {
    if (total != 0) {
      if (point == previous_point_) return;
      if (now - previous_time_ < kMinInterval && point < total) return;
    } else {
      if (now - previous_time_ < kMinInterval) return;
      fly(point != previous_point_);
    }
  }
  ++calls_;
  if (total > 0 && point != previous_point_) std::fputs(progress_bar_line(point, total, width_).c_str(), out_);
  std::fflush(out_);
  previous_point_ = point;
  previous_time_ = now;
}

void ProgressBar::fly(bool moved) {
  std::string line(static_cast<std::size_t>(width_), ' ');
  line += '\r';
  line.replace(static_cast<std::size_t>(position_), 5, "-=O=-");
  const int check = width_ - 2;
  for (int offset : {0, 5, 10, 15}) {
    line[static_cast<std::size_t>(kSine[static_cast<std::size_t>((tick_ + offset) % 200)] / (1000000 / check))] = '#';
  }
  std::fputs(line.c_str(), out_);
  tick_ = (tick_ + 2) % 200;
  position_ += moved ? direction_ : 0;
  if (position_ >= width_ - 6) {
    direction_ = -1;
    position_ = width_ - 6;
  } else if (position_ < 0) {
    direction_ = 1;
    position_ = 0;
  }
}

void ProgressBar::finish() {
  if (calls_ > 0) std::fputs("\n", out_);
}

}  // namespace dbcurl
