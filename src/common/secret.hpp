#pragma once
// A token's bytes live in exactly one buffer, which is wiped when freed.
// Move-only: a copy must be asked for with clone(), so copies stay visible.

#include <string>
#include <string_view>
#include <vector>

namespace dbcurl {

class SecretString {
 public:
  SecretString() = default;
  explicit SecretString(std::string_view value);
  SecretString(SecretString&& other) noexcept;
  SecretString& operator=(SecretString&& other) noexcept;
  SecretString(const SecretString&) = delete;
  SecretString& operator=(const SecretString&) = delete;
  ~SecretString();

  SecretString clone() const { return SecretString(view()); }
  bool empty() const { return bytes_.size() <= 1; }
  std::size_t size() const { return empty() ? 0 : bytes_.size() - 1; }
  // NUL-terminated, for libcurl, which copies it.
  const char* c_str() const { return empty() ? "" : bytes_.data(); }
  std::string_view view() const { return {c_str(), size()}; }

 private:
  void wipe() noexcept;
  std::vector<char> bytes_;
};

// Overwrites a std::string that held a secret before it is released.
void wipe_string(std::string& text) noexcept;

}  // namespace dbcurl
