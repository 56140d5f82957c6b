#include "credence/scoring/params.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>
#include <ostream>
#include <utility>
#include <vector>

#include "../text/simdjson_internal.hpp"
#include "credence/core/error.hpp"
#include "credence/text/file.hpp"
#include "credence/text/json.hpp"
#include "credence/text/strings.hpp"
#include "credence/version.hpp"

namespace credence::scoring {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::string_view kTopLevel[] = {"format",    "version",        "credence",
                                          "fitted_on", "log_likelihood", "parameters"};

// The shortest text that reads back to the same double (fmt's default; JSON has no NaN or
// infinity, and ModelOptions::Validate admits none).
std::string NumberText(double value) { return fmt::format("{}", value); }

std::string_view TypeName(element_type t) { return text::JsonTypeName(t); }
bool IsNumber(element_type t) { return text::JsonIsNumber(t); }

double AsDouble(element e) {
  switch (e.type()) {
    case element_type::INT64:
      return static_cast<double>(std::int64_t(e));
    case element_type::UINT64:
      return static_cast<double>(std::uint64_t(e));
    default:
      return double(e);
  }
}

// Validate()'s message "ModelOptions.F must be ..." split into F and the rest.
std::pair<std::string, std::string> SplitValidateMessage(std::string_view message) {
  constexpr std::string_view kPrefix = "ModelOptions.";
  if (message.substr(0, kPrefix.size()) != kPrefix) return {"", std::string(message)};
  message.remove_prefix(kPrefix.size());
  const std::size_t space = message.find(' ');
  if (space == std::string_view::npos) return {"", std::string(message)};
  return {std::string(message.substr(0, space)), std::string(message.substr(space + 1))};
}

std::string ParamField(std::string_view name) { return fmt::format("parameters.{}", name); }

// The informational record; fields of another type are skipped.
void ReadRecord(simdjson::dom::object fitted_on,
                std::optional<simdjson::dom::object> log_likelihood, FitRecord* r) {
  for (auto field : fitted_on) {
    const element v = field.value;
    if (field.key == "dataset" && v.is_string()) r->dataset = std::string(std::string_view(v));
    if (field.key == "gold" && v.is_string()) r->gold = std::string(std::string_view(v));
    if (field.key == "claims" && IsNumber(v.type())) {
      r->claims = static_cast<std::size_t>(std::max(0.0, AsDouble(v)));
    }
    if (field.key == "true" && IsNumber(v.type())) {
      r->true_claims = static_cast<std::size_t>(std::max(0.0, AsDouble(v)));
    }
  }
  if (!log_likelihood) return;
  for (auto field : *log_likelihood) {
    if (!IsNumber(field.value.type())) continue;
    if (field.key == "before") r->log_likelihood_before = AsDouble(field.value);
    if (field.key == "after") r->log_likelihood_after = AsDouble(field.value);
  }
}

// Checks "format" and "version"; records the problem and returns false when the file is not
// one this build reads.
bool CheckHeader(simdjson::dom::object root, const std::string& path,
                 std::vector<Diagnostic>* problems) {
  element format;
  if (root["format"].get(format) != simdjson::SUCCESS) {
    problems->push_back(
        {path, 0, "format",
         fmt::format("missing: not a Credence parameter file (expected \"{}\"; `credence fit` "
                     "writes them)",
                     kParamsFormat)});
    return false;
  }
  if (!format.is_string() || std::string_view(format) != kParamsFormat) {
    problems->push_back(
        {path, 0, "format",
         fmt::format("expected \"{}\", got {}", kParamsFormat,
                     format.is_string() ? fmt::format("\"{}\"", std::string_view(format))
                                        : std::string(TypeName(format.type())))});
    return false;
  }
  element version;
  if (root["version"].get(version) != simdjson::SUCCESS) {
    problems->push_back({path, 0, "version", "missing: expected the format version (1)"});
    return false;
  }
  const bool number = IsNumber(version.type());
  const double v = number ? AsDouble(version) : 0.0;
  if (!number) {
    problems->push_back({path, 0, "version",
                         fmt::format("expected a whole number, got {}", TypeName(version.type()))});
    return false;
  }
  if (v != kParamsVersion) {
    problems->push_back(
        {path, 0, "version",
         fmt::format("version {} was written by another version of credence: credence {} reads "
                     "version {} (fit the parameters again with this version)",
                     NumberText(v), kVersion, kParamsVersion)});
    return false;
  }
  return true;
}

// Reads "parameters" into `*out`; each value checked by Validate() on `*out` with it set, so
// that the message names this field.
void ReadParameters(simdjson::dom::object params, const std::string& path, ModelOptions* out,
                    std::vector<Diagnostic>* problems) {
  const std::vector<std::string_view> names = ModelOptions::ParameterNames();
  std::vector<std::string> seen;
  for (auto field : params) {
    const std::string name(field.key);
    const std::string where = ParamField(name);
    if (std::find(names.begin(), names.end(), field.key) == names.end()) {
      problems->push_back(
          {path, 0, where, fmt::format("unknown parameter (known: {})", fmt::join(names, ", "))});
      continue;
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      problems->push_back({path, 0, where, "given twice"});
      continue;
    }
    seen.push_back(name);
    if (!IsNumber(field.value.type())) {
      problems->push_back(
          {path, 0, where, fmt::format("expected a number, got {}", TypeName(field.value.type()))});
      continue;
    }
    const double value = AsDouble(field.value);
    if (name == "max_iterations" && (value != std::floor(value) || std::abs(value) > INT_MAX)) {
      problems->push_back(
          {path, 0, where, fmt::format("expected a whole number, got {}", NumberText(value))});
      continue;
    }
    ModelOptions probe;
    probe.Set(name, value);
    try {
      probe.Validate();
    } catch (const InvalidArgumentError& e) {
      const auto [field_name, message] = SplitValidateMessage(e.what());
      problems->push_back({path, 0, field_name.empty() ? where : ParamField(field_name), message});
      continue;
    }
    out->Set(name, value);
  }
}

// Walks the document with simdjson's on-demand parser down to its first error.
simdjson::error_code Walk(simdjson::ondemand::value value, int depth) {
  if (depth > 64) return simdjson::SUCCESS;
  simdjson::ondemand::json_type type;
  if (auto e = value.type().get(type)) return e;
  if (type == simdjson::ondemand::json_type::object) {
    simdjson::ondemand::object object;
    if (auto e = value.get_object().get(object)) return e;
    for (auto field : object) {
      simdjson::ondemand::value v;
      if (auto e = field.value().get(v)) return e;
      if (auto e = Walk(v, depth + 1)) return e;
    }
    return simdjson::SUCCESS;
  }
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    if (auto e = value.get_array().get(array)) return e;
    for (auto item : array) {
      simdjson::ondemand::value v;
      if (auto e = item.get(v)) return e;
      if (auto e = Walk(v, depth + 1)) return e;
    }
    return simdjson::SUCCESS;
  }
  switch (type) {
    case simdjson::ondemand::json_type::number:
      return value.get_double().error();
    case simdjson::ondemand::json_type::string:
      return value.get_string().error();
    case simdjson::ondemand::json_type::boolean:
      return value.get_bool().error();
    default:
      return value.is_null().error();
  }
}

// (line, byte) of the first error in a document the DOM parser rejected, both 1-based, as far
// as the on-demand parser can place it; (0, 0) when it cannot.
std::pair<long, std::size_t> ErrorPosition(const simdjson::padded_string& json) {
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (parser.iterate(json).get(doc) != simdjson::SUCCESS) return {0, 0};
  simdjson::ondemand::value root;
  if (doc.get_value().get(root) == simdjson::SUCCESS) Walk(root, 0);
  const char* at = nullptr;
  if (doc.current_location().get(at) != simdjson::SUCCESS || at == nullptr) return {0, 0};
  const std::size_t offset = static_cast<std::size_t>(at - json.data());
  if (offset >= json.size()) return {0, 0};
  const std::string_view before(json.data(), offset);
  return {1 + static_cast<long>(std::count(before.begin(), before.end(), '\n')), offset + 1};
}

}  // namespace

void WriteParams(std::ostream& out, const ModelOptions& options, const FitRecord* fitted) {
  std::string text;
  text::JsonWriter w(&text);
  w.BeginObject().Newline();
  w.Field("format", kParamsFormat).Newline();
  w.Key("version").Int(kParamsVersion).Newline();
  w.Field("credence", kVersion).Newline();
  if (fitted != nullptr) {
    w.Key("fitted_on").BeginObject();
    w.Field("dataset", fitted->dataset).Field("gold", fitted->gold);
    w.Key("claims").Int(static_cast<std::int64_t>(fitted->claims));
    w.Key("true").Int(static_cast<std::int64_t>(fitted->true_claims));
    w.EndObject().Newline();
    w.Key("log_likelihood").BeginObject();
    w.Key("before").Number(NumberText(fitted->log_likelihood_before));
    w.Key("after").Number(NumberText(fitted->log_likelihood_after));
    w.EndObject().Newline();
  }
  w.Key("parameters").BeginObject().Newline();
  for (const std::string_view name : ModelOptions::ParameterNames()) {
    w.Key(name).Number(NumberText(options.Get(name))).Newline();
  }
  w.EndObject().Newline().EndObject().EndLine();
  out << text;
}

void ParseParams(std::string_view content, const std::string& path, ModelOptions* options,
                 FitRecord* fitted) {
  const std::string_view body = text::StripBom(content);
  if (text::Trim(body, text::kWhitespace).empty()) {
    throw DataError({{path, 0, "", "the file is empty: expected a JSON object"}});
  }
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(body);
  element root;
  if (auto error = parser.parse(padded).get(root); error) {
    const auto [line, byte] = ErrorPosition(padded);
    throw DataError({{path, line, "",
                      byte == 0 ? fmt::format("malformed JSON: {}", simdjson::error_message(error))
                                : fmt::format("malformed JSON near byte {}: {}", byte,
                                              simdjson::error_message(error))}});
  }
  if (root.type() != element_type::OBJECT) {
    throw DataError(
        {{path, 0, "", fmt::format("expected a JSON object, got {}", TypeName(root.type()))}});
  }
  const simdjson::dom::object object(root);
  std::vector<Diagnostic> problems;
  if (!CheckHeader(object, path, &problems)) throw DataError(std::move(problems));
  ModelOptions result = *options;
  std::optional<simdjson::dom::object> fitted_on;
  std::optional<simdjson::dom::object> log_likelihood;
  bool has_parameters = false;
  for (auto field : object) {
    const std::string key(field.key);
    const bool is_object = field.value.type() == element_type::OBJECT;
    if (std::find(std::begin(kTopLevel), std::end(kTopLevel), field.key) == std::end(kTopLevel)) {
      problems.push_back(
          {path, 0, key, fmt::format("unknown field (known: {})", fmt::join(kTopLevel, ", "))});
    } else if (key == "credence" && !field.value.is_string()) {
      problems.push_back(
          {path, 0, key, fmt::format("expected a string, got {}", TypeName(field.value.type()))});
    } else if ((key == "parameters" || key == "fitted_on" || key == "log_likelihood") &&
               !is_object) {
      problems.push_back(
          {path, 0, key, fmt::format("expected an object, got {}", TypeName(field.value.type()))});
    } else if (key == "parameters") {
      has_parameters = true;
      ReadParameters(simdjson::dom::object(field.value), path, &result, &problems);
    } else if (key == "fitted_on") {
      fitted_on = simdjson::dom::object(field.value);
    } else if (key == "log_likelihood") {
      log_likelihood = simdjson::dom::object(field.value);
    }
  }
  if (!has_parameters && problems.empty()) {
    problems.push_back({path, 0, "parameters", "missing: expected an object of NAME: number"});
  }
  if (problems.empty()) {
    // Each value is in range on its own; a rule between two (pool_max >= pool_min) is checked
    // on the whole.
    try {
      result.Validate();
    } catch (const InvalidArgumentError& e) {
      const auto [field_name, message] = SplitValidateMessage(e.what());
      problems.push_back(
          {path, 0, field_name.empty() ? "parameters" : ParamField(field_name), message});
    }
  }
  if (!problems.empty()) throw DataError(std::move(problems));
  *options = result;
  if (fitted != nullptr && fitted_on) {
    *fitted = FitRecord{};
    ReadRecord(*fitted_on, log_likelihood, fitted);
  }
}

void LoadParams(const std::string& path, ModelOptions* options, FitRecord* fitted) {
  ParseParams(text::ReadWholeFile(path, "a parameter file"), path, options, fitted);
}

}  // namespace credence::scoring
