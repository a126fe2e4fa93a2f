// What a document's tables say about their cells. A table reaches the check
// as rows of text with cells between bars ("Adult A | 58 | Lived alone"),
// the form the readers give a table's row and the form drafts paste in.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace scrqm::anonymisation
{

// A cell of a row: its text without the spaces around it, and where that
// text is in the paragraph (UTF-8 bytes).
struct TableCell
{
    std::size_t paragraph = 0; // position in the document
    std::size_t begin = 0, end = 0;
    std::string text;
};

// The cells of a row "a | b | c"; none when the paragraph has no bar.
std::vector<TableCell> cells_of(const std::string& row, std::size_t paragraph);

struct TableFacts
{
    // The cells of a version table's Author column ("Version | Date |
    // Author | Changes"): the people who wrote the report.
    std::vector<std::pair<std::size_t, std::string>> author_cells;
    // Rows under a header with a target date or deadline: an action plan,
    // whose dates are deadlines, not events in a family's life.
    std::set<std::size_t> deadline_rows;
    // Ages: the cells under an "Age" header, and a cell after one naming an
    // age ("Child's age at the time | 11 weeks").
    std::vector<TableCell> age_cells;
};

TableFacts read_tables(const Document& doc);

// Adds an age finding for each cell no finding covers yet, and puts the
// findings back in reading order.
void add_table_ages(const Document& doc, const std::vector<TableCell>& cells,
                    std::vector<Finding>& findings);

} // namespace scrqm::anonymisation
