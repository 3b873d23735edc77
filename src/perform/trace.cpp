#include "perform/trace.hpp"

#include <sys/time.h>

#include <ctime>
#include <string>

namespace dbcurl {

namespace {

constexpr std::size_t kHexRowBytes = 16;
constexpr std::size_t kAsciiRowBytes = 64;

char marker_of(curl_infotype type) {
  switch (type) {
    case CURLINFO_HEADER_IN: return '<';
    case CURLINFO_HEADER_OUT: return '>';
    case CURLINFO_DATA_IN:
    case CURLINFO_SSL_DATA_IN: return '{';
    case CURLINFO_DATA_OUT:
    case CURLINFO_SSL_DATA_OUT: return '}';
    default: return '*';
  }
}

std::string_view dump_label(curl_infotype type) {
  switch (type) {
    case CURLINFO_HEADER_OUT: return "=> Send header";
    case CURLINFO_DATA_OUT: return "=> Send data";
    case CURLINFO_SSL_DATA_OUT: return "=> Send SSL data";
    case CURLINFO_HEADER_IN: return "<= Recv header";
    case CURLINFO_DATA_IN: return "<= Recv data";
    case CURLINFO_SSL_DATA_IN: return "<= Recv SSL data";
    default: return {};
  }
}

// As curl 7.88 shows a byte: DEL (0x7f) is a dot too.
char printable(unsigned char c) { return c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '.'; }

bool is_crlf_at(std::string_view data, std::size_t pos) {
  return pos + 1 < data.size() && data[pos] == '\r' && data[pos + 1] == '\n';
}

}  // namespace

int TraceWriter::callback(CURL*, curl_infotype type, char* data, std::size_t size, void* self) {
  static_cast<TraceWriter*>(self)->take(type, std::string_view(data, size));
  return 0;
}

void TraceWriter::take(curl_infotype type, std::string_view data) {
  // TLS records are ciphertext, and -v only counts data: nothing of ours can be
  // read in what is not shown as text.
  const bool as_text = type < CURLINFO_SSL_DATA_IN && (mode_ != TraceMode::kVerbose || type == CURLINFO_TEXT ||
                                                       type == CURLINFO_HEADER_IN || type == CURLINFO_HEADER_OUT);
  if (!as_text) {
    show(type, data);
    return;
  }
  if (last_text_ != type && last_text_ != CURLINFO_END) show(last_text_, streams_[last_text_].pause());
  last_text_ = type;
  std::string shown = streams_[type].write(data);
  // libcurl traces body data just before it writes it to the output: shown now
  // (but for what could begin a secret), a body without a final line break
  // comes after its block, as in curl's trace.
  if (type == CURLINFO_DATA_IN || type == CURLINFO_DATA_OUT) shown += streams_[type].pause();
  show(type, shown);
}

void TraceWriter::finish() {
  for (std::size_t kind = 0; kind < streams_.size(); ++kind) {
    show(static_cast<curl_infotype>(kind), streams_[kind].finish());
  }
  last_text_ = CURLINFO_END;
}

void TraceWriter::show(curl_infotype type, std::string_view data) {
  if (data.empty()) return;
  if (mode_ == TraceMode::kVerbose) {
    verbose(type, data);
  } else if (type == CURLINFO_TEXT) {
    std::fprintf(out_, "%s== Info: %.*s", timestamp().c_str(), static_cast<int>(data.size()), data.data());
  } else if (!dump_label(type).empty()) {
    dump(dump_label(type), data);
  }
  std::fflush(out_);
}

std::string TraceWriter::timestamp() const {
  if (!with_time_) return {};
  timeval now{};
  gettimeofday(&now, nullptr);
  std::tm local{};
  const time_t seconds = now.tv_sec;
  localtime_r(&seconds, &local);
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d.%06ld ", local.tm_hour, local.tm_min, local.tm_sec,
                static_cast<long>(now.tv_usec));
  return text;
}

void TraceWriter::line_prefix(char marker) {
  if (!mid_line_) std::fprintf(out_, "%s%c ", timestamp().c_str(), marker);
}

// curl's -v layout: one marker per line; data is only counted, once per run.
void TraceWriter::verbose(curl_infotype type, std::string_view data) {
  switch (type) {
    case CURLINFO_HEADER_OUT:
    case CURLINFO_TEXT:
    case CURLINFO_HEADER_IN: {
      std::size_t start = 0;
      while (start < data.size()) {
        const auto newline = data.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? data.size() : newline + 1;
        line_prefix(marker_of(type));
        std::fwrite(data.data() + start, 1, end - start, out_);
        mid_line_ = data[end - 1] != '\n';
        start = end;
      }
      noted_data_ = false;
      break;
    }
    case CURLINFO_DATA_OUT:
    case CURLINFO_DATA_IN:
    case CURLINFO_SSL_DATA_IN:
    case CURLINFO_SSL_DATA_OUT:
      if (!noted_data_ && show_data_notes_) {
        line_prefix(marker_of(type));
        std::fprintf(out_, "[%zu bytes data]\n", data.size());
        mid_line_ = false;
        noted_data_ = true;
      }
      break;
    default:
      mid_line_ = false;
      noted_data_ = false;
      break;
  }
}

// curl's --trace (hex and text, 16 bytes a row) and --trace-ascii (text, 64
// a row, a CRLF ends the row) layouts.
void TraceWriter::dump(std::string_view label, std::string_view data) {
  const bool ascii = mode_ == TraceMode::kAscii;
  const std::size_t width = ascii ? kAsciiRowBytes : kHexRowBytes;
  std::fprintf(out_, "%s%.*s, %zu bytes (0x%zx)\n", timestamp().c_str(), static_cast<int>(label.size()), label.data(),
               data.size(), data.size());
  std::size_t row = 0;
  while (row < data.size()) {
    std::fprintf(out_, "%04zx: ", row);
    if (!ascii) {
      for (std::size_t i = 0; i < width; ++i) {
        if (row + i < data.size())
          std::fprintf(out_, "%02x ", static_cast<unsigned char>(data[row + i]));
        else
          std::fputs("   ", out_);
      }
    }
    std::size_t next = row + width;
    for (std::size_t pos = row; pos < row + width && pos < data.size(); ++pos) {
      if (ascii && is_crlf_at(data, pos)) {
        next = pos + 2;
        break;
      }
      std::fputc(printable(static_cast<unsigned char>(data[pos])), out_);
      if (ascii && is_crlf_at(data, pos + 1)) {
        next = pos + 3;
        break;
      }
    }
    std::fputc('\n', out_);
    row = next;
  }
}

}  // namespace dbcurl
