#include "reader_walker.hxx"

#include "convert.hxx"

#include <scrqm/tags.hxx>

namespace scrqm::lo::detail
{

// Adds a paragraph and remembers where it came from.
void Reader::add(Where where, std::string text, int level, const std::string& container,
                 const Reference<uno::XInterface>& source)
{
    doc_.add(where, std::move(text), level, container);
    if (sources_)
        sources_->push_back(source);
    if (progress_ && ++added_ % 256 == 0 && !(*progress_)(added_))
        throw ReadCancelled();
}

// Records a hidden-data item (see HiddenItem in model.hxx).
void Reader::hidden(const char* kind, Where where, std::size_t paragraph, std::string container,
                    std::string name, std::string text, bool fixable, std::size_t start,
                    std::size_t end)
{
    HiddenItem h;
    h.kind = kind;
    h.where = where;
    h.paragraph = paragraph;
    h.container = std::move(container);
    h.name = std::move(name);
    h.text = std::move(text);
    h.fixable = fixable;
    h.start = start;
    h.end = end;
    doc_.hidden.push_back(std::move(h));
}

// Walks `text` and records it as a hidden-data item of `kind` when the
// walk added paragraphs with content.
void Reader::walk_container(const char* kind, const Reference<text::XText>& text, Where where,
                            const std::string& container, const std::string& name)
{
    const std::size_t before = doc_.paragraphs.size();
    const std::size_t first = doc_.count(where);
    walk_text(text, where, container);
    std::string content;
    for (std::size_t i = before; i < doc_.paragraphs.size(); ++i)
        if (doc_.paragraphs[i].where == where && !doc_.paragraphs[i].text.empty())
            content += (content.empty() ? "" : " / ") + doc_.paragraphs[i].text;
    if (content.find_first_not_of(" \t\u00a0") != std::string::npos)
        hidden(kind, where, first, container, name, content);
}

// Walks a text (body, cell, note, header, frame) in reading order.
void Reader::walk_text(const Reference<text::XText>& text, Where where,
                       const std::string& container)
{
    Reference<container::XEnumerationAccess> access(text, UNO_QUERY);
    if (!access.is())
        return;
    if (!first_visit(text))
        return; // a frame seen from its anchor, a note seen from its portion
    Reference<container::XEnumeration> items = access->createEnumeration();
    while (items->hasMoreElements())
    {
        Reference<lang::XServiceInfo> info(items->nextElement(), UNO_QUERY);
        if (!info.is())
            continue;
        if (info->supportsService("com.sun.star.text.TextTable"))
            walk_table(Reference<text::XTextTable>(info, UNO_QUERY), container);
        else if (info->supportsService("com.sun.star.text.Paragraph"))
            walk_paragraph(info, where, container);
    }
}

void Reader::walk_frames_anywhere(const Reference<frame::XModel>& model)
{
    Reference<text::XTextFramesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return;
    Reference<container::XNameAccess> frames = supplier->getTextFrames();
    const uno::Sequence<OUString> names = frames->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
    {
        Reference<text::XText> text(frames->getByName(names[i]), UNO_QUERY);
        walk_container("frame", text, Where::Frame, "frame " + to_utf8(names[i]),
                       to_utf8(names[i]));
    }
}

std::vector<std::pair<std::string, Reference<text::XText>>>
shape_texts(const Reference<frame::XModel>& model)
{
    std::vector<std::pair<std::string, Reference<text::XText>>> out;
    Reference<drawing::XDrawPageSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return out;
// Writer has exactly one draw page; the IDL marks the accessor deprecated in
// favour of a newer one that 7.4 does not have for text documents.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    Reference<container::XIndexAccess> shapes(supplier->getDrawPage(), UNO_QUERY);
#pragma GCC diagnostic pop
    for (sal_Int32 i = 0; shapes.is() && i < shapes->getCount(); ++i)
    {
        Reference<lang::XServiceInfo> info(shapes->getByIndex(i), UNO_QUERY);
        if (!info.is() || info->supportsService("com.sun.star.text.TextFrame"))
            continue; // frames are read with their anchor paragraph
        Reference<text::XText> text(info, UNO_QUERY);
        if (!text.is() || text->getString().isEmpty())
            continue;
        Reference<container::XNamed> named(info, UNO_QUERY);
        out.emplace_back(named.is() ? to_utf8(named->getName()) : std::string(), text);
    }
    return out;
}

// Text boxes that are drawing shapes (what .docx text boxes become) are
// not text frames: read them from the draw page.
void Reader::walk_shapes(const Reference<frame::XModel>& model)
{
    for (const auto& [name, text] : shape_texts(model))
        walk_container("frame", text, Where::Frame, "shape " + name, name);
}

void Reader::walk_notes(const Reference<container::XIndexAccess>& notes, Where where)
{
    if (!notes.is())
        return;
    for (sal_Int32 i = 0; i < notes->getCount(); ++i)
    {
        Reference<text::XText> text(notes->getByIndex(i), UNO_QUERY);
        walk_text(text, where, std::string(to_string(where)) + " " + std::to_string(i + 1));
    }
}

void Reader::walk_table(const Reference<text::XTextTable>& table, const std::string& outer)
{
    if (!table.is())
        return;
    Reference<container::XNamed> named(table, UNO_QUERY);
    const std::string name = named.is() ? to_utf8(named->getName()) : "table";
    const uno::Sequence<OUString> cells = table->getCellNames();
    for (sal_Int32 i = 0; i < cells.getLength(); ++i)
    {
        Reference<text::XText> cell(table->getCellByName(cells[i]), UNO_QUERY);
        std::string container = name + " " + to_utf8(cells[i]);
        if (!outer.empty())
            container += " (in " + outer + ")";
        walk_text(cell, Where::Table, container);
    }
}

void Reader::walk_paragraph(const Reference<lang::XServiceInfo>& info, Where where,
                            const std::string& container)
{
    Reference<text::XTextRange> range(info, UNO_QUERY);
    Reference<beans::XPropertySet> props(info, UNO_QUERY);
    std::string text = to_utf8(range->getString());
    sal_Int16 level = 0;
    if (where == Where::Body && props.is())
        props->getPropertyValue("OutlineLevel") >>= level;
    // An empty paragraph in a heading style is not a section.
    if (text.find_first_not_of(" \t\u00a0") == std::string::npos)
        level = 0;
    add(where, std::move(text), level, container, Reference<uno::XInterface>(info, UNO_QUERY));
    hidden_section(props, where, doc_.count(where) - 1, container);
    // The portions carry hidden data, tags and placeholders as well as
    // notes and comments: this walk always reads them.
    walk_portions(info, where, doc_.count(where) - 1, container);
    // Enumerating anchored content costs more than reading the
    // paragraph: skip it in a document without text frames.
    if (has_frames_)
        walk_anchored(info);
}

} // namespace scrqm::lo::detail

namespace scrqm::lo
{
using detail::Reader;

// The body's paragraphs and headings without a call per paragraph: the text
// from one getString cut at paragraph ends (table cells included), the
// headings from Writer's outline (the "Headings" link targets list each in
// order as its number and text). Every line whose text ends one of those
// names is found with one regular-expression search; only the paragraphs
// found are asked their outline level (the match is the paragraph's first
// character: asked of a whole paragraph, the level costs more). Each top-
// level table is placed where its cells' lines stand, between the headings
// around its anchor, and only when they stand there once. Checked: the
// paragraphs found must be the lines with those texts, one for one, and the
// headings found the outline's, one for one and in order. Any doubt: empty.
std::optional<OutlineBody> read_outline_body(const Reference<frame::XModel>& model)
{
    // Its searches crash Writer (LibreOffice 7.4) on a model loaded with no
    // view, as the command line loads documents; with no layout to wait
    // for, the cursor walk is fast there.
    if (!model.is() || !model->getCurrentController().is())
        return std::nullopt;
    try
    {
        Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
        Reference<document::XLinkTargetSupplier> links(model, UNO_QUERY);
        Reference<util::XSearchable> searchable(model, UNO_QUERY);
        if (!text_doc.is() || !links.is() || !searchable.is())
            return std::nullopt;
        const Reference<text::XText> body = text_doc->getText();
        Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
        Reference<container::XNameAccess> outline(links->getLinks()->getByName("Headings"),
                                                  UNO_QUERY_THROW);
        std::vector<OUString> headings;
        for (const OUString& name : outline->getElementNames())
        {
            if (!name.endsWith("|outline"))
                return std::nullopt;
            headings.push_back(name.copy(0, name.getLength() - 8));
        }

        // A line break (Shift+Enter) would make two lines of a paragraph.
        Reference<util::XSearchDescriptor> breaks = searchable->createSearchDescriptor();
        Reference<beans::XPropertySet> breaks_props(breaks, UNO_QUERY_THROW);
        breaks_props->setPropertyValue("SearchRegularExpression", uno::Any(true));
        breaks->setSearchString("\\n");
        if (searchable->findFirst(breaks).is())
            return std::nullopt;

        OutlineBody out;
        const OUString whole = body->getString();
        for (sal_Int32 pos = 0;;)
        {
            const sal_Int32 nl = whole.indexOf('\n', pos);
            out.lines.push_back(whole.copy(pos, (nl < 0 ? whole.getLength() : nl) - pos));
            if (nl < 0)
                break;
            pos = nl + 1;
        }
        const std::size_t n = out.lines.size();
        out.levels.assign(n, 0);
        out.table.assign(n, -1);

        // Lines that may be headings: their text ends a heading's name.
        std::unordered_set<OUString, rtl::OUStringHash> endings;
        // The number before a heading's text is short: a longer one makes
        // the heading unfound and the read give up.
        for (const OUString& h : headings)
            for (sal_Int32 i = 0; i < std::min<sal_Int32>(h.getLength(), 64); ++i)
                endings.insert(h.copy(i));
        std::vector<std::size_t> candidates;
        std::set<OUString> texts;
        for (std::size_t i = 0; i < n; ++i)
            if (!out.lines[i].isEmpty() && endings.count(out.lines[i]))
            {
                candidates.push_back(i);
                texts.insert(out.lines[i]);
            }
        // Every heading (in tables as well): line, its match.
        std::vector<std::pair<std::size_t, Reference<text::XTextRange>>> found;
        if (!texts.empty())
        {
            OUString pattern = "^(?=(?:";
            bool first = true;
            for (const OUString& t : texts)
            {
                pattern += (first ? OUString() : OUString("|")) + "\\Q" +
                           t.replaceAll("\\E", "\\E\\\\E\\Q") + "\\E";
                first = false;
            }
            pattern += ")$).";
            Reference<util::XSearchDescriptor> search = searchable->createSearchDescriptor();
            Reference<beans::XPropertySet> search_props(search, UNO_QUERY_THROW);
            search_props->setPropertyValue("SearchRegularExpression", uno::Any(true));
            search_props->setPropertyValue("SearchCaseSensitive", uno::Any(true));
            search->setSearchString(pattern);
            Reference<container::XIndexAccess> all = searchable->findAll(search);
            if (!all.is() || all->getCount() != static_cast<sal_Int32>(candidates.size()))
                return std::nullopt;
            const OUString outline_level("OutlineLevel");
            for (std::size_t i = 0; i < candidates.size(); ++i)
            {
                Reference<text::XTextRange> hit(all->getByIndex(static_cast<sal_Int32>(i)),
                                                UNO_QUERY_THROW);
                // A match outside the body (a header) comes before or after
                // the body's.
                // (a table's cell is in the body, a header is not
                // comparable with it).
                if (i == 0 || i + 1 == candidates.size())
                    compare->compareRegionStarts(hit, body->getStart());
                Reference<beans::XPropertySet> props(hit, UNO_QUERY_THROW);
                sal_Int16 level = 0;
                props->getPropertyValue(outline_level) >>= level;
                if (level > 0)
                {
                    out.levels[candidates[i]] = level;
                    found.emplace_back(candidates[i], hit);
                }
            }
        }
        if (found.size() != headings.size())
            return std::nullopt;
        for (std::size_t i = 0; i < found.size(); ++i)
            if (!headings[i].endsWith(out.lines[found[i].first]))
                return std::nullopt;

        // Tables: their cells' lines, between the headings around the anchor.
        Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY_THROW);
        Reference<container::XIndexAccess> tables(supplier->getTextTables(), UNO_QUERY_THROW);
        // A nested table's lines are its outer cell's: it is found inside
        // the outer table's lines (or not at all) and the read gives up.
        std::vector<Reference<uno::XInterface>> hold; // identity lasts while held
        for (sal_Int32 i = 0; i < tables->getCount(); ++i)
            hold.emplace_back(tables->getByIndex(i), UNO_QUERY);
        for (const Reference<uno::XInterface>& held : hold)
        {
            Reference<text::XTextTable> table(held, UNO_QUERY_THROW);
            Reference<text::XTextRange> anchor = table->getAnchor();
            try
            {
                compare->compareRegionStarts(anchor, body->getStart());
            }
            catch (const lang::IllegalArgumentException&)
            {
                continue; // not in the body (a header's table)
            }
            std::vector<OUString> block;
            auto add_lines = [&](const OUString& s)
            {
                for (sal_Int32 pos = 0;;)
                {
                    const sal_Int32 nl = s.indexOf('\n', pos);
                    block.push_back(s.copy(pos, (nl < 0 ? s.getLength() : nl) - pos));
                    if (nl < 0)
                        break;
                    pos = nl + 1;
                }
            };
            // Every cell's text in one call, row by row, for a table without
            // merged cells and numbers; else cell by cell.
            bool by_cell = true;
            Reference<sheet::XCellRangeData> data(table, UNO_QUERY);
            if (data.is())
            {
                try
                {
                    by_cell = false;
                    for (const uno::Sequence<uno::Any>& row : data->getDataArray())
                        for (const uno::Any& cell : row)
                        {
                            OUString s;
                            if (!(cell >>= s))
                                by_cell = true;
                            add_lines(s);
                        }
                }
                catch (const uno::RuntimeException&)
                {
                    by_cell = true; // too complex a table
                }
            }
            if (by_cell)
            {
                block.clear();
                for (const OUString& cell_name : table->getCellNames())
                    add_lines(
                        Reference<text::XText>(table->getCellByName(cell_name), UNO_QUERY_THROW)
                            ->getString());
            }
            // The headings before and after the anchor (binary search).
            std::size_t lo = 0, hi = found.size();
            while (lo < hi)
            {
                const std::size_t mid = (lo + hi) / 2;
                if (compare->compareRegionStarts(found[mid].second, anchor) >= 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const std::size_t from = lo == 0 ? 0 : found[lo - 1].first + 1;
            const std::size_t to = lo == found.size() ? n : found[lo].first + 1;
            std::size_t at = n;
            for (std::size_t s = from; s < to && s + block.size() <= n; ++s)
                if (std::equal(block.begin(), block.end(), out.lines.begin() + s))
                {
                    if (at != n)
                        return std::nullopt; // there twice: which is it?
                    at = s;
                }
            if (at == n)
                return std::nullopt;
            for (std::size_t i = at; i < at + block.size(); ++i)
            {
                if (out.table[i] >= 0)
                    return std::nullopt;
                out.table[i] = static_cast<int>(out.tables.size());
                out.levels[i] = 0; // a heading style in a cell is not a section
            }
            out.tables.push_back({table, at, block.size()});
        }
        std::sort(out.tables.begin(), out.tables.end(),
                  [](const OutlineBody::Table& a, const OutlineBody::Table& b)
                  { return a.line < b.line; });
        for (std::size_t t = 0; t < out.tables.size(); ++t)
            for (std::size_t i = 0; i < out.tables[t].lines; ++i)
                out.table[out.tables[t].line + i] = static_cast<int>(t);
        for (const auto& [line, hit] : found)
            if (out.table[line] < 0)
            {
                if (std::all_of(out.lines[line].getStr(),
                                out.lines[line].getStr() + out.lines[line].getLength(),
                                [](sal_Unicode c) { return c == ' ' || c == '\t' || c == 0xa0; }))
                    out.levels[line] = 0; // an empty paragraph in a heading style
                else
                    out.headings.emplace_back(line, hit);
            }
        return out;
    }
    catch (const uno::RuntimeException&)
    {
        throw;
    }
    catch (const uno::Exception&)
    {
        return std::nullopt;
    }
}

std::size_t OutlineBody::line_of(const Reference<frame::XModel>& model,
                                 const Reference<text::XTextRange>& pos) const
{
    const std::size_t none = static_cast<std::size_t>(-1);
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY_THROW);
    const Reference<text::XText> body = text_doc->getText();
    Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
    if (Reference<text::XText>(pos->getText()) != body)
    {
        // In a table: the table's first line.
        Reference<beans::XPropertySet> props(pos->getText()->createTextCursorByRange(pos),
                                             UNO_QUERY);
        Reference<uno::XInterface> holder;
        if (props.is() && props->getPropertySetInfo()->hasPropertyByName("TextTable"))
            props->getPropertyValue("TextTable") >>= holder;
        for (const Table& t : tables)
            if (holder.is() && Reference<uno::XInterface>(t.table, UNO_QUERY) == holder)
                return t.line;
        return none;
    }
    std::size_t lo = 0, hi = headings.size();
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        if (compare->compareRegionStarts(headings[mid].second, pos) >= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    // Count the paragraph ends from the heading before (or the start).
    Reference<text::XTextCursor> cursor =
        body->createTextCursorByRange(lo == 0 ? body->getStart() : headings[lo - 1].second);
    cursor->collapseToStart();
    cursor->gotoRange(pos, true);
    const OUString between = cursor->getString();
    std::size_t line = lo == 0 ? 0 : headings[lo - 1].first;
    for (sal_Int32 i = 0; i < between.getLength(); ++i)
        line += between[i] == '\n';
    return line < lines.size() ? line : none;
}

Document read_document(const Reference<frame::XModel>& model, const std::string& file_name,
                       std::vector<Reference<uno::XInterface>>* sources, bool lazy_body,
                       BodyRead force, BodyRead* used, const ReadProgress& progress)
{
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!text_doc.is())
        throw lang::IllegalArgumentException("not a text document: scrqm works on Writer documents",
                                             Reference<uno::XInterface>(), 0);
    Document doc;
    // Each attempt starts afresh: a failed one may have added paragraphs and
    // marked texts as visited.
    std::optional<Reader> reader;
    auto fresh = [&](std::vector<Reference<uno::XInterface>>* keep)
    {
        doc = Document();
        doc.file = file_name;
        if (sources)
            sources->clear();
        reader.emplace(doc, keep);
        reader->progress_ = progress ? &progress : nullptr;
        reader->plan(model);
    };
    // A fix needs every paragraph's object (sources): the enumeration keeps
    // them; the fast walks only when the caller finds body paragraphs
    // itself (lazy_body).
    BodyRead how = BodyRead::Full;
    if ((sources == nullptr || lazy_body) && force != BodyRead::Full)
    {
        if (force == BodyRead::Auto || force == BodyRead::Outline)
        {
            fresh(sources);
            if (reader->walk_body_by_outline(model))
                how = BodyRead::Outline;
        }
        if (how == BodyRead::Full && force != BodyRead::Outline)
        {
            fresh(sources);
            if (reader->walk_body_by_cursor(text_doc->getText(), model))
                how = BodyRead::Cursor;
        }
    }
    if (used)
        *used = how;
    if (how == BodyRead::Full)
    {
        fresh(sources);
        reader->walk_text(text_doc->getText(), Where::Body, std::string());
    }
    // Whatever the anchored walk did not reach: notes in headers, frames
    // anchored to the page, comments outside the body.
    reader->walk_frames_anywhere(model);
    reader->walk_shapes(model);
    Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
    if (fs.is())
        reader->walk_notes(fs->getFootnotes(), Where::Footnote);
    Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
    if (es.is())
        reader->walk_notes(es->getEndnotes(), Where::Endnote);
    reader->walk_page_styles(model);
    reader->read_properties(model);
    reader->read_object_names(model);
    reader->read_embedded_objects(model);
    reader->read_hidden_places(model);
    // Reports written without heading styles: their outline is inferred.
    read_looks(model, doc);
    return doc;
}

Reference<text::XTextRange> body_paragraph(const Reference<frame::XModel>& model, std::size_t index)
{
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!text_doc.is())
        return {};
    Reference<text::XTextCursor> cursor = text_doc->getText()->createTextCursor();
    Reference<text::XParagraphCursor> paragraphs(cursor, UNO_QUERY);
    Reference<beans::XPropertySet> props(cursor, UNO_QUERY);
    if (!paragraphs.is() || !props.is())
        return {};
    cursor->gotoStart(false);
    if (props->getPropertyValue("TextTable").hasValue())
        return {};
    for (std::size_t i = 0; i < index; ++i)
        if (!paragraphs->gotoNextParagraph(false))
            return {};
    paragraphs->gotoEndOfParagraph(true);
    return Reference<text::XTextRange>(cursor, UNO_QUERY);
}

} // namespace scrqm::lo
