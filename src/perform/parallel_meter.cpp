#include "perform/parallel_meter.hpp"

#include <algorithm>

namespace dbcurl {

namespace {

constexpr curl_off_t kKilo = 1024;
constexpr curl_off_t kMega = kKilo * 1024;
constexpr curl_off_t kGiga = kMega * 1024;
constexpr curl_off_t kTera = kGiga * 1024;
constexpr curl_off_t kPeta = kTera * 1024;
constexpr auto kRedrawInterval = std::chrono::milliseconds(500);

std::string formatted(const char* format, auto... values) {
  char text[32];
  std::snprintf(text, sizeof text, format, values...);
  return text;
}

long long milliseconds(ParallelMeter::Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

}  // namespace

std::string five_column_size(curl_off_t bytes) {
  const auto whole = [](curl_off_t value) { return static_cast<long long>(value); };
  if (bytes < 100000) return formatted("%5lld", whole(bytes));
  if (bytes < 10000 * kKilo) return formatted("%4lldk", whole(bytes / kKilo));
  if (bytes < 100 * kMega) return formatted("%2lld.%0lldM", whole(bytes / kMega), whole(bytes % kMega / (kMega / 10)));
  if (bytes < 10000 * kMega) return formatted("%4lldM", whole(bytes / kMega));
  if (bytes < 100 * kGiga) return formatted("%2lld.%0lldG", whole(bytes / kGiga), whole(bytes % kGiga / (kGiga / 10)));
  if (bytes < 10000 * kGiga) return formatted("%4lldG", whole(bytes / kGiga));
  if (bytes < 10000 * kTera) return formatted("%4lldT", whole(bytes / kTera));
  return formatted("%4lldP", whole(bytes / kPeta));
}

std::string eight_column_time(curl_off_t seconds) {
  if (seconds <= 0) return "--:--:--";
  const long long total = seconds;
  const long long hours = total / 3600;
  if (hours <= 99) return formatted("%2lld:%02lld:%02lld", hours, total % 3600 / 60, total % 60);
  const long long days = total / 86400;
  if (days <= 999) return formatted("%3lldd %02lldh", days, total % 86400 / 3600);
  return formatted("%7lldd", days);
}

void ParallelMeter::transfer_done(const Amounts& amounts) {
  downloaded_before_ += amounts.downloaded;
  uploaded_before_ += amounts.uploaded;
  count_totals(amounts);
}

void ParallelMeter::count_totals(const Amounts& amounts) {
  if (amounts.download_total != 0 && download_total_counted_.insert(amounts.id).second) {
    download_total_ += amounts.download_total;
  }
  if (amounts.upload_total != 0 && upload_total_counted_.insert(amounts.id).second) {
    upload_total_ += amounts.upload_total;
  }
}

bool ParallelMeter::due(bool final) const {
  return final || last_line_ == Clock::time_point{} || Clock::now() - last_line_ > kRedrawInterval;
}

void ParallelMeter::update(std::span<const Amounts> running, long transfers_added, bool final) {
  const Clock::time_point now = Clock::now();
  if (!header_shown_) {
    header_shown_ = true;
    std::fputs("DL% UL%  Dled  Uled  Xfers  Live Total     Current  Left    Speed\n", out_);
  }
  last_line_ = now;

  curl_off_t downloaded = downloaded_before_;
  curl_off_t uploaded = uploaded_before_;
  bool download_known = true;
  bool upload_known = true;
  for (const Amounts& transfer : running) {
    downloaded += transfer.downloaded;
    uploaded += transfer.uploaded;
    download_known = download_known && transfer.download_total != 0;
    upload_known = upload_known && transfer.upload_total != 0;
    count_totals(transfer);
  }
  const std::string download_percent =
      download_known && download_total_ != 0
          ? formatted("%3lld", static_cast<long long>(downloaded * 100 / download_total_))
          : "--";
  const std::string upload_percent = upload_known && upload_total_ != 0
                                         ? formatted("%3lld", static_cast<long long>(uploaded * 100 / upload_total_))
                                         : "--";

  // The speed over the last ten lines (or since the start), the higher direction's.
  const Sample oldest = samples_wrapped_ ? samples_[next_sample_] : Sample{0, 0, start_};
  samples_[next_sample_] = Sample{downloaded, uploaded, now};
  next_sample_ = (next_sample_ + 1) % samples_.size();
  samples_wrapped_ = samples_wrapped_ || next_sample_ == 0;
  const double seconds = static_cast<double>(std::max<long long>(1, milliseconds(now - oldest.when))) / 1000.0;
  const auto download_speed = static_cast<curl_off_t>(static_cast<double>(downloaded - oldest.downloaded) / seconds);
  const auto upload_speed = static_cast<curl_off_t>(static_cast<double>(uploaded - oldest.uploaded) / seconds);
  const curl_off_t speed = std::max(download_speed, upload_speed);

  const bool estimate = download_known && speed != 0;
  const std::string total_time = eight_column_time(estimate ? download_total_ / speed : 0);
  const std::string time_left = eight_column_time(estimate ? (download_total_ - downloaded) / speed : 0);
  const std::string spent = eight_column_time(milliseconds(now - start_) / 1000);
  std::fprintf(out_, "\r%-3s %-3s %s %s %5ld %5zu  %s %s %s %s %5s", download_percent.c_str(), upload_percent.c_str(),
               five_column_size(downloaded).c_str(), five_column_size(uploaded).c_str(), transfers_added,
               running.size(), total_time.c_str(), spent.c_str(), time_left.c_str(), five_column_size(speed).c_str(),
               final ? "\n" : "");
  std::fflush(out_);
}

}  // namespace dbcurl
