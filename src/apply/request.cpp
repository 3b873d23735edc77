#include <sys/stat.h>

#include <algorithm>

#include "apply/concerns.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

bool has_header(const std::vector<std::string>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const std::string& header) {
    return header.size() > name.size() && istarts_with(header, name) &&
           (header[name.size()] == ':' || header[name.size()] == ';');
  });
}

// -G and --url-query append through libcurl's URL API, as curl does (which
// also normalises the URL, %XX escapes included); plain string appending is
// the fallback for what that API rejects.
std::string url_with_query(const std::string& url, const std::string& query) {
  UrlHandle handle(curl_url());
  char* joined = nullptr;
  if (handle &&
      curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) ==
          CURLUE_OK &&
      curl_url_set(handle.get(), CURLUPART_QUERY, query.c_str(), CURLU_APPENDQUERY) == CURLUE_OK &&
      curl_url_get(handle.get(), CURLUPART_URL, &joined, 0) == CURLUE_OK) {
    std::string result(joined);
    curl_free(joined);
    return result;
  }
  const auto fragment = url.find('#');
  std::string base = url.substr(0, fragment);
  base += base.find('?') == std::string::npos ? '?' : '&';
  base += query;
  if (fragment != std::string::npos) base += url.substr(fragment);
  return base;
}

// -F parts as libcurl mime parts, nested multiparts included.
CURLcode add_form_parts(CURL* easy, curl_mime* mime, const std::vector<FormPart>& parts, AppliedTransfer& owned) {
  for (const FormPart& part : parts) {
    curl_mimepart* mime_part = curl_mime_addpart(mime);
    if (mime_part == nullptr) return CURLE_OUT_OF_MEMORY;
    const char* filename = part.filename ? part.filename->c_str() : nullptr;
    CURLcode result = CURLE_OK;
    switch (part.kind) {
      case FormPart::Kind::kParts: {
        curl_mime* subparts = curl_mime_init(easy);
        if (subparts == nullptr) return CURLE_OUT_OF_MEMORY;
        result = add_form_parts(easy, subparts, part.subparts, owned);
        if (result == CURLE_OK) result = curl_mime_subparts(mime_part, subparts);
        if (result != CURLE_OK) curl_mime_free(subparts);
        break;
      }
      case FormPart::Kind::kFile:
      case FormPart::Kind::kFileContent:
        result = curl_mime_filedata(mime_part, part.value.c_str());
        // name=<file sends the file's content as a plain field, without a file name.
        if (result == CURLE_OK && part.kind == FormPart::Kind::kFileContent && filename == nullptr)
          result = curl_mime_filename(mime_part, nullptr);
        break;
      case FormPart::Kind::kStdin:
        if (filename == nullptr) filename = "-";
        [[fallthrough]];
      case FormPart::Kind::kText:
      case FormPart::Kind::kStdinContent:
        result = curl_mime_data(mime_part, part.value.data(), part.value.size());
        break;
    }
    if (result == CURLE_OK && filename != nullptr) result = curl_mime_filename(mime_part, filename);
    if (result == CURLE_OK && part.type) result = curl_mime_type(mime_part, part.type->c_str());
    if (result == CURLE_OK && part.encoder) result = curl_mime_encoder(mime_part, part.encoder->c_str());
    if (result == CURLE_OK && !part.headers.empty()) {
      auto& headers = owned.form_headers.emplace_back(std::make_unique<HeaderList>());
      for (const auto& header : part.headers) {
        if (!headers->append(header)) return CURLE_OUT_OF_MEMORY;
      }
      result = curl_mime_headers(mime_part, headers->get(), 0);
    }
    if (result == CURLE_OK && part.name) result = curl_mime_name(mime_part, part.name->c_str());
    if (result != CURLE_OK) return result;
  }
  return CURLE_OK;
}

Status build_form(CURL* easy, const std::vector<FormPart>& parts, AppliedTransfer& owned) {
  owned.form.reset(curl_mime_init(easy));
  if (!owned.form) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  const CURLcode result = add_form_parts(easy, owned.form.get(), parts, owned);
  if (result != CURLE_OK) return make_error(static_cast<int>(result), curl_easy_strerror(result));
  return Ok{};
}

}  // namespace

Status apply_request(Setter& set, CURL* easy, const TransferConfig& transfer, const RequestPlan& plan,
                     const TransferSinks& sinks, AppliedTransfer& owned) {
  std::string url = plan.url;
  for (const auto& query : transfer.url_queries) url = url_with_query(url, query);
  if (transfer.get_query && transfer.post_data) url = url_with_query(url, *transfer.post_data);
  set(CURLOPT_URL, url.c_str());
  // -F before the headers, as curl sets them: --libcurl's program numbers its
  // variables (mime1, slist1, ...) in that order.
  if (!transfer.form.empty()) {
    if (Status built = build_form(easy, transfer.form, owned); !built) return built;
    set.form(CURLOPT_MIMEPOST, owned.form.get(), transfer.form);
  }

  std::vector<std::string> headers = plan.headers;
  if (transfer.json) {
    if (!has_header(headers, "Content-Type")) headers.emplace_back("Content-Type: application/json");
    if (!has_header(headers, "Accept")) headers.emplace_back("Accept: application/json");
  }
  for (const auto& header : headers) {
    if (!owned.headers.append(header)) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  }
  if (owned.headers.get() != nullptr) set(CURLOPT_HTTPHEADER, owned.headers.get());

  const std::optional<std::string>& body = plan.body ? plan.body : transfer.post_data;
  if (body && !transfer.get_query) {
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    set.bytes(CURLOPT_COPYPOSTFIELDS, *body);
  }
  if (transfer.head) set(CURLOPT_NOBODY, 1L);
  if (transfer.method) set(CURLOPT_CUSTOMREQUEST, transfer.method->c_str());
  if (transfer.follow_location) set(CURLOPT_FOLLOWLOCATION, 1L);
  // On workspace requests dbcurl does -f itself, to read the Databricks error body libcurl would drop.
  if (transfer.fail && !plan.workspace) set(CURLOPT_FAILONERROR, 1L);
  if (transfer.compressed) set(CURLOPT_ACCEPT_ENCODING, "");
  if (transfer.referer) set(CURLOPT_REFERER, transfer.referer->c_str());
  if (transfer.auto_referer) set(CURLOPT_AUTOREFERER, 1L);
  if (!transfer.cookies.empty()) set(CURLOPT_COOKIE, join(transfer.cookies, ";").c_str());
  for (const auto& file : transfer.cookie_files) set(CURLOPT_COOKIEFILE, file.c_str());
  if (transfer.cookie_jar) set(CURLOPT_COOKIEJAR, transfer.cookie_jar->c_str());
  if (transfer.junk_session_cookies) set(CURLOPT_COOKIESESSION, 1L);
  if (transfer.post_redirects != 0) set(CURLOPT_POSTREDIR, transfer.post_redirects);
  if (transfer.request_target) set(CURLOPT_REQUEST_TARGET, transfer.request_target->c_str());
  if (transfer.path_as_is) set(CURLOPT_PATH_AS_IS, 1L);
  if (transfer.raw) {
    set(CURLOPT_HTTP_CONTENT_DECODING, 0L);
    set(CURLOPT_HTTP_TRANSFER_DECODING, 0L);
  }
  if (transfer.transfer_encoding) set(CURLOPT_TRANSFER_ENCODING, 1L);
  if (transfer.range) set(CURLOPT_RANGE, transfer.range->c_str());
  if (transfer.remote_time || transfer.head) set(CURLOPT_FILETIME, 1L);  // curl asks for it with -I too
  // -C ' -5' reads as -5 (strtol), which libcurl refuses; curl's tool goes on without it.
  if (sinks.resume_from != 0)
    set.allowing_failure(CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(sinks.resume_from));
  if (transfer.time_condition) {
    std::string condition = *transfer.time_condition;
    long kind = CURL_TIMECOND_IFMODSINCE;
    if (!condition.empty() && (condition[0] == '-' || condition[0] == '+')) {
      kind = condition[0] == '-' ? CURL_TIMECOND_IFUNMODSINCE : CURL_TIMECOND_IFMODSINCE;
      condition.erase(0, 1);
    }
    curl_off_t when = curl_getdate(condition.c_str(), nullptr);
    if (when == -1) {
      struct stat info {};
      if (::stat(condition.c_str(), &info) == 0) when = info.st_mtime;
    }
    if (when != -1) {
      set(CURLOPT_TIMECONDITION, kind);
      set(CURLOPT_TIMEVALUE_LARGE, when);
    }
  }
  if (sinks.read_upload != nullptr) {
    set(CURLOPT_READFUNCTION, sinks.read_upload);
    set(CURLOPT_READDATA, sinks.upload);
    set(CURLOPT_SEEKFUNCTION, sinks.seek_upload);
    set(CURLOPT_SEEKDATA, sinks.upload);
  }
  if (sinks.uploading) {
    set(CURLOPT_UPLOAD, 1L);
    if (sinks.upload_size >= 0) set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(sinks.upload_size));
  }

  if (transfer.form_escape) set(CURLOPT_MIME_OPTIONS, static_cast<long>(CURLMIMEOPT_FORMESCAPE));
  return Ok{};
}

}  // namespace dbcurl
