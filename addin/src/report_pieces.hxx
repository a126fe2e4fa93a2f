// Between the report's masking (report_mask.cxx) and its HTML
// (report_html.cxx).
#pragma once

#include <scrqm/report_export.hxx>

#include <cstddef>
#include <vector>

namespace scrqm
{

// Long spans (a jigsaw paragraph) are shortened after masking to
// `max_code_points`, with " …" where text was left out; a label is never cut.
std::vector<Masker::Piece> shortened(std::vector<Masker::Piece> pieces,
                                     std::size_t max_code_points);

} // namespace scrqm
