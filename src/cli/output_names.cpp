#include "cli/output_names.hpp"

#include "cli/glob.hpp"

namespace dbcurl {

// -T to a URL whose path ends in '/' (or has none): curl appends the local
// file's name (after its last '/' or '\\'), percent-encoded as its URL API
// writes it (lower-case hex), before any query.
std::string with_upload_name(const std::string& url, std::string_view rest,
                             const std::optional<std::string>& upload_file) {
  if (!upload_file || *upload_file == "-") return url;
  const std::string_view path = rest.substr(0, rest.find_first_of("?#"));
  if (!path.empty() && path.back() != '/') return url;
  const std::size_t path_end = url.size() - (rest.size() - path.size());
  std::string name = upload_file->substr(upload_file->find_last_of("/\\") + 1);
  std::string encoded;
  for (const char c : name) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      encoded += c;
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      encoded += '%';
      encoded += kHex[static_cast<unsigned char>(c) >> 4];
      encoded += kHex[static_cast<unsigned char>(c) & 0xf];
    }
  }
  return url.substr(0, path_end) + (path.empty() ? "/" : "") + encoded + url.substr(path_end);
}

// -O's name: the last segment of the URL's path.
std::string remote_name(std::string_view rest) {
  const std::string_view path = rest.substr(0, rest.find_first_of("?#"));
  return std::string(path.substr(path.rfind('/') + 1));
}

// -O or --remote-name-all for this URL.
bool uses_remote_name(const TransferConfig& transfer, std::size_t index) {
  return index < transfer.outputs.size() ? !transfer.outputs[index].has_value() : transfer.remote_name_all;
}

// Where a URL's body goes: -o NAME (with #N), -O or --remote-name-all, in --output-dir.
std::optional<std::string> output_name(const TransferConfig& transfer, std::size_t index, std::string_view rest,
                                       const std::vector<std::string>& matches) {
  std::optional<std::string> name;
  if (uses_remote_name(transfer, index))
    name = remote_name(rest);
  else if (index < transfer.outputs.size())
    name = glob_output_name(*transfer.outputs[index], matches);
  if (name && transfer.output_dir && *name != "-" && !name->starts_with("/")) name = *transfer.output_dir + "/" + *name;
  return name;
}

}  // namespace dbcurl
