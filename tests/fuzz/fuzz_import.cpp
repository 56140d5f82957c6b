// libFuzzer target: every `credence import` kind (credence::io::Import) on arbitrary bytes.
//
// Input layout: the first line names the kind ("emergent", "book", "flights", "population",
// "rumoureval" or "liar"; anything else selects a kind by its first byte); the rest is split
// into input files at each line "--8<--". Fewer inputs than the kind needs are padded with empty
// files, extra ones are dropped, so that every input reaches the importer.
// An import that succeeds must write a dataset that the matching reader accepts: an importer
// producing a file Credence cannot read is a finding too.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "credence/io/importers.hpp"
#include "credence/io/reader.hpp"
#include "fuzz_common.hpp"

namespace {

using credence::io::ImportInput;
using credence::io::ImportKind;

ImportKind PickKind(std::string_view first_line) {
  const auto& kinds = credence::io::AllImportKinds();
  for (const auto& info : kinds) {
    if (info.name == first_line) return info.kind;
  }
  const unsigned char c = first_line.empty() ? 0 : static_cast<unsigned char>(first_line[0]);
  return kinds[c % kinds.size()].kind;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const auto eol = rest.find('\n');
  const std::string_view first = rest.substr(0, eol);
  rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
  const ImportKind kind = PickKind(first);
  const auto& info = credence::io::GetImportKindInfo(kind);

  std::vector<ImportInput> inputs;
  constexpr std::string_view kCut = "\n--8<--\n";
  while (true) {
    const auto cut = rest.find(kCut);
    inputs.push_back(
        {"in" + std::to_string(inputs.size() + 1) + ".txt", std::string(rest.substr(0, cut))});
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + kCut.size());
  }
  const std::size_t most = std::min<std::size_t>(info.max_inputs, 4);
  if (inputs.size() > most) inputs.resize(most);
  while (inputs.size() < info.min_inputs) {
    inputs.push_back({"in" + std::to_string(inputs.size() + 1) + ".txt", ""});
  }

  credence::fuzz::ExpectDataErrorOnly([&] {
    const auto result = credence::io::Import(kind, inputs);
    try {
      if (result.extension == ".jsonl") {
        credence::io::ParseJsonl(result.dataset, "imported.jsonl");
      } else {
        credence::io::ParseTriplesCsv(result.dataset, "imported.triples.csv");
      }
    } catch (const credence::DataError& e) {
      // An import that keeps no row writes an empty dataset, which the reader rightly rejects.
      const bool empty = e.diagnostics().size() == 1 && e.diagnostics()[0].line == 0 &&
                         e.diagnostics()[0].message.rfind("no records", 0) == 0;
      if (!empty) {
        std::fprintf(stderr, "finding: import %s wrote a dataset the reader rejects: %s\n",
                     std::string(info.name).c_str(), e.what());
        std::abort();
      }
    }
  });
  return 0;
}
