#include "common/diagnostics.hpp"

namespace dbcurl {

namespace {
constexpr std::string_view kWarningPrefix = "Warning: ";
constexpr std::size_t kWarningWidth = 79 - kWarningPrefix.size();
}  // namespace

std::string wrap_warning(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    out += kWarningPrefix;
    if (text.size() <= kWarningWidth) {
      out += text;
      out += '\n';
      break;
    }
    std::size_t cut = kWarningWidth - 1;
    while (cut > 0 && text[cut] != ' ' && text[cut] != '\t') --cut;
    if (cut == 0) cut = kWarningWidth - 1;
    out += text.substr(0, cut + 1);
    out += '\n';
    text.remove_prefix(cut + 1);
  }
  return out;
}

void Diagnostics::set_program_name(std::string_view argv0) {
  const std::size_t slash = argv0.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  program_name_ = base.empty() ? "dbcurl" : std::string(base);
}

void Diagnostics::write_line(std::string_view prefix, std::string_view text) const {
  const std::string line = std::string(prefix) + secrets_.redact_text(text) + "\n";
  std::fwrite(line.data(), 1, line.size(), stream());
  std::fflush(stream());
}

void Diagnostics::error(std::string_view text) const {
  if (errors_shown()) write_line(program_name_ + ": ", text);
}

void Diagnostics::error_unless_silent(std::string_view text) const {
  if (!silent_) write_line(program_name_ + ": ", text);
}

void Diagnostics::error_always(std::string_view text) const { write_line(program_name_ + ": ", text); }

void Diagnostics::usage_hint() const {
  error_always("try '" + program_name_ + " --help' or '" + program_name_ + " --manual' for more information");
}

void Diagnostics::note(std::string_view text) const {
  if (!silent_) write_line("Note: ", text);
}

void Diagnostics::warning(std::string_view text) const {
  if (!warnings_shown()) return;
  const std::string wrapped = wrap_warning(secrets_.redact_text(text));
  std::fwrite(wrapped.data(), 1, wrapped.size(), stream());
  std::fflush(stream());
}

}  // namespace dbcurl
