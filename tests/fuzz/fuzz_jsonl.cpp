// libFuzzer target: the JSON Lines dataset reader (ParseJsonl) on arbitrary bytes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "credence/io/reader.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  credence::fuzz::ExpectDataErrorOnly([&] { credence::io::ParseJsonl(content, "fuzz.jsonl"); });
  return 0;
}
