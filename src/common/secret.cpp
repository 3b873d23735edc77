#include "common/secret.hpp"

#include <cstring>

namespace dbcurl {

namespace {
void wipe_bytes(char* data, std::size_t size) noexcept {
  if (size != 0) explicit_bzero(data, size);  // not removed by the optimiser, unlike memset
}
}  // namespace

SecretString::SecretString(std::string_view value) {
  bytes_.reserve(value.size() + 1);
  bytes_.assign(value.begin(), value.end());
  bytes_.push_back('\0');
}

SecretString::SecretString(SecretString&& other) noexcept : bytes_(std::move(other.bytes_)) { other.bytes_.clear(); }

SecretString& SecretString::operator=(SecretString&& other) noexcept {
  if (this != &other) {
    wipe();
    bytes_ = std::move(other.bytes_);
    other.bytes_.clear();
  }
  return *this;
}

SecretString::~SecretString() { wipe(); }

void SecretString::wipe() noexcept {
  wipe_bytes(bytes_.data(), bytes_.size());
  bytes_.clear();
}

void wipe_string(std::string& text) noexcept {
  text.resize(text.capacity());  // within capacity: no reallocation, and old bytes past size() are covered
  wipe_bytes(text.data(), text.size());
  text.clear();
}

}  // namespace dbcurl
