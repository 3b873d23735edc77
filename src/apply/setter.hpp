#pragma once
// Every curl_easy_setopt of a transfer goes through a Setter: the first
// failure is kept as curl reports it, and --libcurl records each call.

#include <curl/curl.h>

#include <string_view>
#include <type_traits>
#include <vector>

#include "apply/libcurl_source.hpp"
#include "common/result.hpp"

namespace dbcurl {

// What curl prints for a libcurl failure (defined in apply.cpp).
std::string curl_error_text(CURLcode result, const char* error_buffer);

// A setopt failure is a libcurl error with curl's exit code, as curl reports it.
class Setter {
 public:
  Setter(CURL* easy, const char* error_buffer, LibcurlSource* source)
      : easy_(easy), error_buffer_(error_buffer), source_(source) {
    if (source_ != nullptr) source_->begin_transfer();
  }
  template <class T>
  void operator()(CURLoption option, T value) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, value);
    if (source_ != nullptr) record(option, value);
  }
  // Data that may hold any byte (the request body); the program gets it as a literal.
  void bytes(CURLoption option, const std::string& data) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, data.c_str());
    if (source_ != nullptr) source_->record_bytes(option, data);
  }
  // -F's mime structure; the program builds it from the parts.
  void form(CURLoption option, curl_mime* mime, const std::vector<FormPart>& parts) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, mime);
    if (source_ != nullptr) source_->record_form(option, parts);
  }
  // A setopt whose failure curl 7.88's tool lets pass (and so does dbcurl);
  // as curl's, --libcurl's program has it only when libcurl took it.
  template <class T>
  void allowing_failure(CURLoption option, T value) {
    if (curl_easy_setopt(easy_, option, value) == CURLE_OK && source_ != nullptr) record(option, value);
  }
  // A credential dbcurl resolved: --libcurl's program reads it from variable.
  void credential(CURLoption option, const char* value, std::string_view variable) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, value);
    if (source_ != nullptr) source_->record_from_environment(option, variable);
  }
  Status status() const {
    if (result_ == CURLE_OK) return Ok{};
    return make_error(static_cast<int>(result_), curl_error_text(result_, error_buffer_));
  }

 private:
  CURL* easy_;
  const char* error_buffer_;
  LibcurlSource* source_;

  template <class T>
  void record(CURLoption option, T value) {
    const curl_easyoption* info = curl_easy_option_by_id(option);
    const curl_easytype type = info != nullptr ? info->type : CURLOT_OBJECT;
    if constexpr (std::is_integral_v<T>) {
      if (type == CURLOT_OFF_T)
        source_->record_offset(option, static_cast<curl_off_t>(value));
      else
        source_->record_long(option, static_cast<long>(value));
    } else if constexpr (std::is_same_v<T, curl_slist*>) {
      source_->record_list(option, value);
    } else if constexpr (std::is_convertible_v<T, const char*>) {
      if (type == CURLOT_STRING)
        source_->record_string(option, value);
      else
        source_->record_pointer(option, false);
    } else {
      source_->record_pointer(option, type == CURLOT_FUNCTION);
    }
  }
  CURLcode result_ = CURLE_OK;
};

}  // namespace dbcurl
