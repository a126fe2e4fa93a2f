// The fast ways to read the body: from Writer's outline, or with one text
// cursor; and the test of whether they may be used.
#include "reader_walker.hxx"

#include "convert.hxx"

#include <scrqm/tags.hxx>

namespace scrqm::lo::detail
{

// The body without a call per paragraph (read_outline_body), when it
// holds nothing that only the portion or paragraph walks find (frames,
// portion data). Notes and comments anchored in the body's paragraphs
// are placed (place_anchored) and read after their paragraph, in the
// order the portion walk meets them; those in tables are read by the
// table walk, as in the full walk.
bool Reader::walk_body_by_outline(const Reference<frame::XModel>& model)
{
    if (has_frames_ || has_portion_data(model, false))
        return false;
    const std::optional<OutlineBody> body = read_outline_body(model);
    if (!body)
        return false;
    std::vector<Anchored> anchored;
    if (!place_anchored(model, *body, anchored))
        return false;
    std::size_t next_anchored = 0;
    // body_paragraph() cannot step out of a table the body starts with.
    if (sources_ && !body->table.empty() && body->table[0] >= 0)
        return false;
    // Tags from their bookmarks, ordered by where they start (as the
    // portion walk meets them), at the body paragraph (a table's: the
    // one before it, as Document::add anchors its paragraphs).
    std::vector<std::size_t> paragraph_of(body->lines.size(), 0);
    for (std::size_t i = 0, count = 0; i < body->lines.size(); ++i)
        paragraph_of[i] = body->table[i] < 0 ? count++ : (count == 0 ? 0 : count - 1);
    struct Placed
    {
        std::size_t first; // start line
        Tag tag;
        Reference<text::XTextRange> start;
    };
    std::vector<Placed> tags;
    Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
    Reference<text::XTextRangeCompare> compare(
        Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW);
    try
    {
        Reference<container::XNameAccess> all =
            bookmarks.is() ? bookmarks->getBookmarks() : Reference<container::XNameAccess>();
        for (const OUString& name : all.is() ? all->getElementNames() : uno::Sequence<OUString>())
        {
            std::optional<Tag> tag = parse_tag_name(to_utf8(name));
            if (!tag)
                continue;
            Reference<text::XTextContent> bm(all->getByName(name), UNO_QUERY_THROW);
            const Reference<text::XTextRange> anchor = bm->getAnchor();
            try
            {
                compare->compareRegionStarts(anchor, anchor);
            }
            catch (const lang::IllegalArgumentException&)
            {
                continue; // in a header, a frame or a note: no section's tag
            }
            const std::size_t first = body->line_of(model, anchor->getStart());
            const std::size_t last = body->line_of(model, anchor->getEnd());
            if (first >= paragraph_of.size() || last >= paragraph_of.size())
                return false; // in a nested table: not sure where
            if (body->table[first] >= 0)
            {
                // The table walk reads it; one that ends outside the
                // table would need the body's portions.
                if (last != first)
                    return false;
                continue;
            }
            tag->paragraph = paragraph_of[first];
            tag->last = paragraph_of[last];
            tags.push_back({first, std::move(*tag), anchor->getStart()});
        }
        std::stable_sort(tags.begin(), tags.end(),
                         [](const Placed& a, const Placed& b) { return a.first < b.first; });
        // Several in one paragraph: in the order its portions give them
        // (bookmarks at one place are not in the name list's order).
        for (std::size_t from = 0, to = 0; from < tags.size(); from = to)
        {
            for (to = from + 1; to < tags.size() && tags[to].first == tags[from].first; ++to)
                ;
            if (to - from < 2)
                continue;
            const std::vector<std::string> order = bookmark_order(tags[from].start);
            auto rank = [&](const Placed& p)
            { return std::find(order.begin(), order.end(), p.tag.bookmark) - order.begin(); };
            for (std::size_t k = from; k < to; ++k)
                if (rank(tags[k]) == static_cast<std::ptrdiff_t>(order.size()))
                    return false;
            std::stable_sort(tags.begin() + static_cast<std::ptrdiff_t>(from),
                             tags.begin() + static_cast<std::ptrdiff_t>(to),
                             [&](const Placed& a, const Placed& b) { return rank(a) < rank(b); });
        }
    }
    catch (const uno::Exception&)
    {
        return false;
    }
    std::size_t next_tag = 0;
    std::size_t next_table = 0;
    for (std::size_t i = 0; i < body->lines.size(); ++i)
    {
        if (body->table[i] < 0)
        {
            add(Where::Body, to_utf8(body->lines[i]), body->levels[i], std::string(), {});
            for (; next_tag < tags.size() && tags[next_tag].first == i; ++next_tag)
                doc_.tags.push_back(tags[next_tag].tag);
            for (; next_anchored < anchored.size() && anchored[next_anchored].line == i;
                 ++next_anchored)
            {
                const Anchored& a = anchored[next_anchored];
                if (a.note.is())
                    walk_note(a.note);
                else
                    read_comment(a.comment);
            }
            continue;
        }
        const OutlineBody::Table& t = body->tables.at(next_table++);
        if (t.line != i)
            return false;
        const std::size_t before = doc_.paragraphs.size();
        walk_table(t.table, std::string());
        // The walk must read the lines the table stands for.
        std::size_t line = i;
        for (std::size_t p = before; p < doc_.paragraphs.size(); ++p)
            if (doc_.paragraphs[p].where == Where::Table &&
                (line >= i + t.lines || doc_.paragraphs[p].text != to_utf8(body->lines[line++])))
                return false;
        if (line != i + t.lines)
            return false;
        i += t.lines - 1;
    }
    return true;
}

// The bookmarks starting in the paragraph of `pos`, in portion order.
std::vector<std::string> Reader::bookmark_order(const Reference<text::XTextRange>& pos)
{
    std::vector<std::string> out;
    Reference<text::XTextCursor> cursor = pos->getText()->createTextCursorByRange(pos);
    Reference<text::XParagraphCursor> paragraph(cursor, UNO_QUERY_THROW);
    paragraph->gotoStartOfParagraph(false);
    paragraph->gotoEndOfParagraph(true);
    Reference<container::XEnumerationAccess> access(cursor, UNO_QUERY_THROW);
    Reference<container::XEnumerationAccess> one(access->createEnumeration()->nextElement(),
                                                 UNO_QUERY_THROW);
    Reference<container::XEnumeration> portions = one->createEnumeration();
    while (portions->hasMoreElements())
    {
        Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY_THROW);
        OUString type;
        bool start = true;
        portion->getPropertyValue("TextPortionType") >>= type;
        if (type != "Bookmark")
            continue;
        portion->getPropertyValue("IsStart") >>= start;
        Reference<container::XNamed> named(portion->getPropertyValue("Bookmark"), UNO_QUERY);
        if (start && named.is())
            out.push_back(to_utf8(named->getName()));
    }
    return out;
}

// The body line of every note and comment anchored in the body's own
// paragraphs, in document order. Sorted by their anchors, then one
// getString from each anchor to the next counts the paragraph ends in
// between (the body's getString, of which `body.lines` are cut, reads
// tables' cells too; so does a range over them). The text at each anchor
// is checked (a note's label stands there). False on any doubt.
bool Reader::place_anchored(const Reference<frame::XModel>& model, const OutlineBody& body,
                            std::vector<Anchored>& out)
{
    try
    {
        const Reference<text::XText> text =
            Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
        Reference<text::XTextRangeCompare> compare(text, UNO_QUERY_THROW);
        auto in_body = [&](const Reference<text::XTextContent>& content)
        {
            Reference<text::XTextRange> anchor =
                content.is() ? content->getAnchor() : Reference<text::XTextRange>();
            if (!anchor.is())
                throw lang::IllegalArgumentException(); // not sure: give up
            // Notes, tables and headers are walked portion by portion:
            // what is anchored in them is read there.
            return Reference<text::XText>(anchor->getText()) == text
                       ? anchor->getStart()
                       : Reference<text::XTextRange>();
        };
        for (const bool endnotes : {false, true})
        {
            Reference<container::XIndexAccess> notes;
            if (endnotes)
            {
                Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
                if (es.is())
                    notes = es->getEndnotes();
            }
            else
            {
                Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
                if (fs.is())
                    notes = fs->getFootnotes();
            }
            for (sal_Int32 i = 0; notes.is() && i < notes->getCount(); ++i)
            {
                Reference<text::XFootnote> note(notes->getByIndex(i), UNO_QUERY_THROW);
                if (Reference<text::XTextRange> start =
                        in_body(Reference<text::XTextContent>(note, UNO_QUERY));
                    start.is())
                    out.push_back({start, note, {}, 0});
            }
        }
        for (const Field& f : fields(model))
        {
            if (!f.annotation)
                continue;
            if (Reference<text::XTextRange> start =
                    in_body(Reference<text::XTextContent>(f.field, UNO_QUERY));
                start.is())
                out.push_back({start, {}, Reference<beans::XPropertySet>(f.field, UNO_QUERY), 0});
        }
        if (out.empty())
            return true;
        // Two anchors at the same place: not sure of the portions' order.
        bool tie = false;
        auto before = [&](const Anchored& a, const Anchored& b)
        {
            const sal_Int16 c = compare->compareRegionStarts(a.start, b.start);
            tie = tie || c == 0;
            return c > 0;
        };
        // Footnotes and endnotes come in document order, comments (7.4)
        // the first one then the others backwards: runs going up or down,
        // merged, cost far fewer comparisons (0.1-0.2 ms each) than a
        // sort. Many runs: a sort.
        std::vector<std::size_t> cuts{0};
        for (std::size_t i = 0; i < out.size() && cuts.size() <= 16;)
        {
            std::size_t j = i + 1;
            if (j < out.size() && before(out[j], out[i]))
            {
                while (j < out.size() && before(out[j], out[j - 1]))
                    ++j;
                std::reverse(out.begin() + static_cast<std::ptrdiff_t>(i),
                             out.begin() + static_cast<std::ptrdiff_t>(j));
            }
            else
                while (j < out.size() && !before(out[j], out[j - 1]))
                    ++j;
            cuts.push_back(j);
            i = j;
        }
        if (cuts.size() > 16)
            std::stable_sort(out.begin(), out.end(), before);
        else
            for (std::size_t k = 2; k < cuts.size(); ++k)
                std::inplace_merge(out.begin(),
                                   out.begin() + static_cast<std::ptrdiff_t>(cuts[k - 1]),
                                   out.begin() + static_cast<std::ptrdiff_t>(cuts[k]), before);
        if (tie)
            return false;
        Reference<text::XTextCursor> cursor = text->createTextCursor();
        cursor->gotoStart(false);
        std::size_t line = 0;
        sal_Int32 column = 0; // in UTF-16 units, as the lines are
        for (Anchored& a : out)
        {
            cursor->gotoRange(a.start, true);
            const OUString between = cursor->getString();
            cursor->collapseToEnd();
            const sal_Int32 nl = between.lastIndexOf('\n');
            for (sal_Int32 k = 0; k < between.getLength(); ++k)
                line += between[k] == '\n';
            column = nl < 0 ? column + between.getLength() : between.getLength() - nl - 1;
            if (line >= body.lines.size() || body.table[line] >= 0 ||
                column > body.lines[line].getLength())
                return false;
            if (a.note.is())
            {
                // The note's mark is its label or its number.
                const OUString label = a.note->getLabel();
                const OUString& l = body.lines[line];
                if (column >= l.getLength() || (!label.isEmpty() && !l.match(label, column)) ||
                    (label.isEmpty() && (l[column] < '0' || l[column] > '9') &&
                     (l[column] < 'a' || l[column] > 'z') && (l[column] < 'A' || l[column] > 'Z')))
                    return false;
            }
            a.line = line;
        }
        return true;
    }
    catch (const uno::RuntimeException&)
    {
        throw;
    }
    catch (const uno::Exception&)
    {
        return false;
    }
}

bool Reader::blank(const OUString& s)
{
    for (sal_Int32 i = 0; i < s.getLength(); ++i)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != 0x00a0)
            return false;
    return true;
}

bool Reader::portion_data(const Reference<frame::XModel>& model)
{
    if (!portion_data_)
        portion_data_ = has_portion_data(model);
    return *portion_data_;
}

// The body through one text cursor. Writer's paragraph enumeration costs
// more per paragraph the longer the document (measured on a 4,845-
// paragraph report: 2.3 s for half of it, 5.8 s for all, doing nothing
// else), a cursor moving paragraph by paragraph does not. The cursor
// skips tables: each top-level table is walked before the first
// paragraph that follows its anchor. Returns false when the document is
// not one this walk handles (it starts inside a table, a comparison
// fails); the caller then starts again with the enumeration.
bool Reader::walk_body_by_cursor(const Reference<text::XText>& body,
                                 const Reference<frame::XModel>& model)
{
    try
    {
        // This walk reads notes and comments only; a document with
        // hidden data, tags or placeholders takes the full walk.
        if (portion_data(model))
            return false;
        Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
        struct Table
        {
            Reference<text::XTextTable> table;
            Reference<text::XTextRange> anchor;
        };
        std::vector<Table> tables;
        std::set<const void*> nested;
        std::vector<Reference<uno::XInterface>> hold; // identity lasts while held
        Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY);
        Reference<container::XIndexAccess> all(supplier.is() ? supplier->getTextTables()
                                                             : Reference<container::XNameAccess>(),
                                               UNO_QUERY);
        for (sal_Int32 i = 0; all.is() && i < all->getCount(); ++i)
        {
            Reference<text::XTextTable> table(all->getByIndex(i), UNO_QUERY);
            hold.emplace_back(table, UNO_QUERY);
            const uno::Sequence<OUString> cells =
                table.is() ? table->getCellNames() : uno::Sequence<OUString>();
            for (sal_Int32 c = 0; c < cells.getLength(); ++c)
            {
                Reference<container::XEnumerationAccess> cell(table->getCellByName(cells[c]),
                                                              UNO_QUERY);
                Reference<container::XEnumeration> items =
                    cell.is() ? cell->createEnumeration() : Reference<container::XEnumeration>();
                while (items.is() && items->hasMoreElements())
                {
                    Reference<text::XTextTable> inner(items->nextElement(), UNO_QUERY);
                    if (inner.is())
                    {
                        hold.emplace_back(inner, UNO_QUERY);
                        nested.insert(hold.back().get());
                    }
                }
            }
        }
        for (const Reference<uno::XInterface>& held : hold)
        {
            Reference<text::XTextTable> table(held, UNO_QUERY);
            if (!table.is())
                continue;
            Reference<text::XTextRange> anchor = table->getAnchor();
            if (!anchor.is())
                return false;
            // Frames, notes and headers are not comparable with the body
            // (below); tables nested in a cell are walked with their cell.
            if (nested.count(Reference<uno::XInterface>(table, UNO_QUERY).get()))
                continue;
            try
            {
                compare->compareRegionStarts(anchor, body->getStart());
            }
            catch (const lang::IllegalArgumentException&)
            {
                continue; // not in the body (a header's table)
            }
            tables.push_back({table, anchor});
        }
        std::stable_sort(tables.begin(), tables.end(),
                         [&](const Table& a, const Table& b)
                         { return compare->compareRegionStarts(a.anchor, b.anchor) > 0; });

        // The text of the whole body in one call, cut at paragraph ends,
        // costs far less than a call per paragraph. It holds the
        // tables' cell paragraphs too; they are counted and skipped.
        // Checked below; any doubt (a line break inside a paragraph
        // makes more lines) and the caller reads paragraph by paragraph.
        const std::vector<OUString> lines = split_lines(body->getString());
        struct Item
        {
            std::size_t slot;  // body paragraph: its place in doc_.paragraphs
            std::size_t lines; // table: its cell paragraphs
            bool table;
        };
        std::vector<Item> items;
        std::vector<std::pair<std::size_t, OUString>> checks; // slot, its own text

        Reference<text::XTextCursor> cursor = body->createTextCursor();
        Reference<text::XParagraphCursor> paragraphs(cursor, UNO_QUERY_THROW);
        Reference<beans::XPropertySet> props(cursor, UNO_QUERY_THROW);
        Reference<container::XEnumerationAccess> access(cursor, UNO_QUERY);
        cursor->gotoStart(false);
        // Moving by paragraph steps over tables, but a body starting with
        // a table puts the cursor in it.
        if (props->getPropertyValue("TextTable").hasValue())
            return false;
        std::size_t next_table = 0;
        bool after_table = true; // check the first paragraph as well
        do
        {
            // The cursor stays collapsed at the paragraph's start: it is
            // only selected when its own text or object is needed.
            while (next_table < tables.size() &&
                   compare->compareRegionStarts(tables[next_table].anchor,
                                                Reference<text::XTextRange>(cursor.get())) > 0)
            {
                const std::size_t before = doc_.count(Where::Table);
                walk_table(tables[next_table++].table, std::string());
                items.push_back({0, doc_.count(Where::Table) - before, true});
                after_table = true;
            }
            sal_Int16 level = 0;
            props->getPropertyValue("OutlineLevel") >>= level;
            const std::size_t slot = doc_.paragraphs.size();
            if (after_table)
            {
                paragraphs->gotoEndOfParagraph(true);
                checks.emplace_back(slot, cursor->getString());
                cursor->collapseToStart();
            }
            after_table = false;
            add(Where::Body, std::string(), level, std::string(), {});
            items.push_back({slot, 0, false});
            if ((portion_items_left_ > 0 || has_frames_) && access.is())
            {
                // The paragraph object, only when something may hang on it.
                paragraphs->gotoEndOfParagraph(true);
                Reference<container::XEnumeration> one = access->createEnumeration();
                Reference<lang::XServiceInfo> paragraph(
                    one.is() && one->hasMoreElements() ? one->nextElement() : uno::Any(),
                    UNO_QUERY);
                if (paragraph.is() && portion_items_left_ > 0)
                    walk_portions(paragraph, Where::Body, doc_.count(Where::Body) - 1, {});
                if (paragraph.is() && has_frames_)
                    walk_anchored(paragraph);
            }
        } while (paragraphs->gotoNextParagraph(false));
        if (!items.empty() && !items.back().table)
        {
            paragraphs->gotoStartOfParagraph(false);
            paragraphs->gotoEndOfParagraph(true);
            checks.emplace_back(items.back().slot, cursor->getString());
        }
        while (next_table < tables.size())
        {
            const std::size_t before = doc_.count(Where::Table);
            walk_table(tables[next_table++].table, std::string());
            items.push_back({0, doc_.count(Where::Table) - before, true});
        }

        std::size_t line = 0;
        std::vector<std::pair<std::size_t, std::size_t>> texts; // slot, line
        for (const Item& item : items)
        {
            if (item.table)
                line += item.lines;
            else
                texts.emplace_back(item.slot, line++);
        }
        if (line != lines.size())
            return false;
        for (const auto& [slot, own] : checks)
        {
            const auto it = std::find_if(texts.begin(), texts.end(),
                                         [&](const auto& t) { return t.first == slot; });
            if (it == texts.end() || lines[it->second] != own)
                return false;
        }
        for (const auto& [slot, l] : texts)
        {
            Paragraph& p = doc_.paragraphs[slot];
            p.text = to_utf8(lines[l]);
            // An empty paragraph in a heading style is not a section.
            if (p.text.find_first_not_of(" \t\u00a0") == std::string::npos)
                p.outline_level = 0;
        }
        return true;
    }
    catch (const uno::RuntimeException&)
    {
        throw;
    }
    catch (const uno::Exception&)
    {
        return false;
    }
}

// True when the body may hold what only a portion walk finds: tracked
// changes, fields in the body's own paragraphs that record something
// (placeholders, author and file-name fields, hidden-text fields: see
// portion_field), text sections, scrqm_ tag bookmarks, hidden
// (CharHidden) text. Notes and comments are not: they are placed.
bool Reader::has_portion_data(const Reference<frame::XModel>& model, bool tags)
{
    Reference<document::XRedlinesSupplier> redlines(model, UNO_QUERY);
    if (redlines.is() && redlines->getRedlines().is() &&
        redlines->getRedlines()->createEnumeration()->hasMoreElements())
        return true;
    Reference<text::XText> body(Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText());
    for (const Field& f : fields(model))
    {
        if (!f.recorded)
            continue;
        // Tables, notes and headers are walked portion by portion
        // whatever the way the body is read.
        Reference<text::XTextContent> content(f.field, UNO_QUERY);
        Reference<text::XTextRange> anchor =
            content.is() ? content->getAnchor() : Reference<text::XTextRange>();
        if (!anchor.is() || Reference<text::XText>(anchor->getText()) == body)
            return true;
    }
    Reference<text::XTextSectionsSupplier> sections(model, UNO_QUERY);
    if (sections.is() && sections->getTextSections()->hasElements())
        return true;
    Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
    if (bookmarks.is() && tags)
        for (const OUString& name : bookmarks->getBookmarks()->getElementNames())
            if (name.startsWith("scrqm_"))
                return true;
    // Hidden text: Writer's own attribute search, one call.
    Reference<util::XSearchable> searchable(model, UNO_QUERY);
    if (searchable.is())
    {
        Reference<util::XSearchDescriptor> descriptor = searchable->createSearchDescriptor();
        Reference<util::XPropertyReplace> attributes(descriptor, UNO_QUERY);
        if (!attributes.is())
            return true;
        beans::PropertyValue hidden;
        hidden.Name = "CharHidden";
        hidden.Value <<= true;
        attributes->setSearchAttributes(uno::Sequence<beans::PropertyValue>(&hidden, 1));
        descriptor->setSearchString("");
        if (searchable->findFirst(descriptor).is())
            return true;
    }
    return false;
}

} // namespace scrqm::lo::detail
