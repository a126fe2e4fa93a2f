// What the walks record beside paragraph text: portions, fields, comments,
// notes, tags, placeholders, properties, object names, page styles.
#include "reader_walker.hxx"

#include "convert.hxx"

#include <scrqm/tags.hxx>

namespace scrqm::lo::detail
{

std::vector<PageStyleText> page_style_texts(const Reference<frame::XModel>& model)
{
    std::vector<PageStyleText> out;
    Reference<style::XStyleFamiliesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return out;
    Reference<container::XNameAccess> styles(supplier->getStyleFamilies()->getByName("PageStyles"),
                                             UNO_QUERY);
    const uno::Sequence<OUString> names = styles->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
    {
        Reference<beans::XPropertySet> props(styles->getByName(names[i]), UNO_QUERY);
        if (!props.is())
            continue;
        const std::string style = to_utf8(names[i]);
        for (const char* kind : {"Header", "Footer"})
        {
            const OUString k = OUString::createFromAscii(kind);
            bool on = false;
            props->getPropertyValue(k + "IsOn") >>= on;
            if (!on)
                continue;
            const Where where = kind[0] == 'H' ? Where::Header : Where::Footer;
            Reference<beans::XPropertySetInfo> psi = props->getPropertySetInfo();
            // Left and first-page texts are separate only when not shared.
            auto shared = [&](const OUString& name)
            {
                bool value = true;
                if (psi->hasPropertyByName(name))
                    props->getPropertyValue(name) >>= value;
                return value;
            };
            const bool left_shared = shared(k + "IsShared");
            const bool first_shared = shared(k + "FirstIsShared") && shared("FirstIsShared");
            for (const char* variant : {"", "Left", "First"})
            {
                if ((variant[0] == 'L' && left_shared) || (variant[0] == 'F' && first_shared))
                    continue;
                const OUString prop = k + "Text" + OUString::createFromAscii(variant);
                if (!psi->hasPropertyByName(prop))
                    continue;
                std::string container = "page style " + style;
                if (*variant)
                    container += std::string(" (") + variant + ")";
                out.push_back({where, container, style,
                               Reference<text::XText>(props->getPropertyValue(prop), UNO_QUERY)});
            }
        }
    }
    return out;
}

void Reader::walk_page_styles(const Reference<frame::XModel>& model)
{
    for (const PageStyleText& t : page_style_texts(model))
        walk_container(t.where == Where::Header ? "header" : "footer", t.text, t.where, t.container,
                       t.style);
}

// Names people give to bookmarks and images, and image descriptions,
// travel with the file and can carry a real name.
void Reader::read_object_names(const Reference<frame::XModel>& model)
{
    Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
    if (bookmarks.is())
    {
        const uno::Sequence<OUString> names = bookmarks->getBookmarks()->getElementNames();
        for (sal_Int32 i = 0; i < names.getLength(); ++i)
            // Word's hidden _Toc/_Ref marks, and scrqm's own tags (read
            // as tags in the portion walk), are not personal data.
            if (!names[i].startsWith("_") && !is_scrqm_name(to_utf8(names[i])))
            {
                // "Liam_Carter": a bookmark name cannot hold a space, so
                // its underscores are read as spaces (one for one, so
                // the offsets stay the name's own).
                std::string text = to_utf8(names[i]);
                std::replace(text.begin(), text.end(), '_', ' ');
                add(Where::Property, text, 0, "bookmark name", {});
            }
    }
    Reference<text::XTextGraphicObjectsSupplier> graphics(model, UNO_QUERY);
    if (!graphics.is())
        return;
    Reference<container::XNameAccess> images = graphics->getGraphicObjects();
    for (const OUString& image : images->getElementNames())
    {
        const std::string name = to_utf8(image);
        const std::size_t at = doc_.count(Where::Property);
        add(Where::Property, name, 0, "image name", {});
        // Default names (Image1, Graphic2, Picture 3) say nothing.
        std::string stem = name;
        while (!stem.empty() &&
               (std::isdigit(static_cast<unsigned char>(stem.back())) || stem.back() == ' '))
            stem.pop_back();
        if (stem != "Image" && stem != "Graphic" && stem != "Picture" && stem != "Grafik")
            hidden("image", Where::Property, at, "image name", name, name);
        Reference<beans::XPropertySet> props(images->getByName(image), UNO_QUERY);
        for (const char* p : {"Title", "Description"})
        {
            OUString value;
            if (props.is() && (props->getPropertyValue(OUString::createFromAscii(p)) >>= value) &&
                !value.isEmpty())
            {
                const std::string container =
                    "image " + name + " " + (p[0] == 'T' ? "title" : "description");
                hidden("image", Where::Property, doc_.count(Where::Property), container, name,
                       to_utf8(value));
                add(Where::Property, to_utf8(value), 0, container, {});
            }
        }
    }
}

void Reader::read_embedded_objects(const Reference<frame::XModel>& model)
{
    Reference<text::XTextEmbeddedObjectsSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return;
    for (const OUString& object : supplier->getEmbeddedObjects()->getElementNames())
    {
        const std::string name = to_utf8(object);
        hidden("embedded-object", Where::Property, doc_.count(Where::Property), {}, name, name);
        add(Where::Property, name, 0, "embedded object name", {});
    }
}

void Reader::read_properties(const Reference<frame::XModel>& model)
{
    Reference<document::XDocumentPropertiesSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return;
    Reference<document::XDocumentProperties> dp = supplier->getDocumentProperties();
    add_property("title", dp->getTitle());
    add_property("subject", dp->getSubject());
    add_property("description", dp->getDescription());
    add_property("author", dp->getAuthor());
    add_property("modified-by", dp->getModifiedBy());
    add_property("template", dp->getTemplateName());
    const uno::Sequence<OUString> keywords = dp->getKeywords();
    OUString joined;
    for (sal_Int32 i = 0; i < keywords.getLength(); ++i)
        joined += (i ? OUString(", ") : OUString()) + keywords[i];
    add_property("keywords", joined);

    Reference<beans::XPropertySet> user(dp->getUserDefinedProperties(), UNO_QUERY);
    if (!user.is())
        return;
    const uno::Sequence<beans::Property> all = user->getPropertySetInfo()->getProperties();
    for (sal_Int32 i = 0; i < all.getLength(); ++i)
    {
        // The results panel's ignore list (salted hashes) is not the
        // author's data.
        if (all[i].Name == "scrqm.ignored")
            continue;
        const uno::Any value = user->getPropertyValue(all[i].Name);
        OUString s;
        double d = 0;
        bool b = false;
        util::DateTime dt;
        if (value >>= s)
            ;
        else if (value >>= d)
            s = OUString::number(d);
        else if (value >>= b)
            s = b ? OUString("true") : OUString("false");
        else if (value >>= dt)
            s = OUString::number(dt.Year) + "-" + OUString::number(dt.Month) + "-" +
                OUString::number(dt.Day);
        const std::string name = to_utf8(all[i].Name);
        const std::string marker = marker_of_question_property(name);
        if (!marker.empty())
        {
            add_question_states(marker, to_utf8(s));
            continue;
        }
        add_property("custom:" + name, s);
    }
}

// The reviewer's notes are typed text and are checked like any other
// property; the encoded states around them are not.
void Reader::add_question_states(const std::string& marker, const std::string& value)
{
    doc_.question_states[marker] = value;
    try
    {
        for (const auto& [n, q] : parse_question_states(value, marker, 999))
            if (!q.note.empty())
                add(Where::Property, q.note, 0,
                    "note on " + marker + " question " + std::to_string(n), {});
    }
    catch (const DataError&)
    {
        add(Where::Property, value, 0, question_property_name(marker), {});
    }
}

void Reader::add_property(const std::string& name, const OUString& value)
{
    if (value.isEmpty())
        return;
    const std::string v = to_utf8(value);
    doc_.properties[name] = v;
    hidden(name.rfind("custom:", 0) == 0 ? "custom-property" : "property", Where::Property,
           doc_.count(Where::Property), "property " + name, name, v, true);
    add(Where::Property, v, 0, name, {});
}

const std::vector<Reader::Field>& Reader::fields(const Reference<frame::XModel>& model)
{
    if (fields_)
        return *fields_;
    fields_.emplace();
    static const std::set<OUString> kRecorded = {
        "com.sun.star.text.textfield.Author",
        "com.sun.star.text.textfield.ExtendedUser",
        "com.sun.star.text.textfield.FileName",
        "com.sun.star.text.textfield.TemplateName",
        "com.sun.star.text.textfield.docinfo.CreateAuthor",
        "com.sun.star.text.textfield.docinfo.ChangeAuthor",
        "com.sun.star.text.textfield.docinfo.PrintAuthor",
        "com.sun.star.text.textfield.HiddenText",
        "com.sun.star.text.textfield.HiddenParagraph",
        "com.sun.star.text.TextField.JumpEdit",
        "com.sun.star.text.TextField.Input",
        "com.sun.star.text.textfield.JumpEdit",
        "com.sun.star.text.textfield.Input",
    };
    Reference<text::XTextFieldsSupplier> supplier(model, UNO_QUERY);
    Reference<container::XEnumeration> all = supplier.is()
                                                 ? supplier->getTextFields()->createEnumeration()
                                                 : Reference<container::XEnumeration>();
    while (all.is() && all->hasMoreElements())
    {
        Field f;
        f.field.set(all->nextElement(), UNO_QUERY);
        if (!f.field.is())
            continue;
        for (const OUString& name : f.field->getSupportedServiceNames())
        {
            f.annotation = f.annotation || name == "com.sun.star.text.textfield.Annotation";
            f.recorded = f.recorded || kRecorded.count(name);
        }
        fields_->push_back(std::move(f));
    }
    return *fields_;
}

// Counts what the per-paragraph walks look for (notes, comments, text
// frames), so that a paragraph walk can skip them once all are found.
void Reader::plan(const Reference<frame::XModel>& model)
{
    std::size_t items = 0;
    Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
    if (fs.is() && fs->getFootnotes().is())
        items += static_cast<std::size_t>(fs->getFootnotes()->getCount());
    Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
    if (es.is() && es->getEndnotes().is())
        items += static_cast<std::size_t>(es->getEndnotes()->getCount());
    for (const Field& f : fields(model))
        items += f.annotation;
    portion_items_left_ = items;
    Reference<text::XTextFramesSupplier> frames(model, UNO_QUERY);
    has_frames_ = !frames.is() || frames->getTextFrames()->hasElements();
}

// Footnotes, endnotes and comments are read where they are anchored, so
// that they follow their paragraph in reading order.
// Also records the paragraph's hidden data: tracked changes, hidden text,
// fields that show an author or a file name (`where`/`index`: the
// paragraph; offsets in code points), and its template placeholders.
void Reader::walk_portions(const Reference<lang::XServiceInfo>& paragraph, Where where,
                           std::size_t index, const std::string& container)
{
    // Called right after add(): the paragraph is the model's last one.
    const std::size_t self = doc_.paragraphs.size() - 1;
    std::size_t placeholder_from = 0; // bytes of the paragraph's text already matched
    Reference<container::XEnumerationAccess> access(paragraph, UNO_QUERY);
    if (!access.is())
        return;
    // Tags count in the body and its tables, at the body paragraph.
    const Paragraph& current = doc_.paragraphs.back();
    const bool taggable = current.where == Where::Body || current.where == Where::Table;
    const std::size_t here = current.anchor;
    Reference<container::XEnumeration> portions = access->createEnumeration();
    std::size_t offset = 0;
    OUString whole;
    std::size_t hidden_start = 0, hidden_chars = 0, visible_chars = 0;
    OUString hidden_text;
    bool change_open = false;
    std::size_t change_start = 0;
    OUString change_text, change_kind, change_author;
    auto flush_hidden = [&]
    {
        if (!hidden_text.isEmpty())
            hidden("hidden-text", where, index, container, {}, to_utf8(hidden_text), false,
                   hidden_start, hidden_start + code_points(hidden_text));
        hidden_text.clear();
    };
    auto close_change = [&]
    {
        if (!change_open)
            return;
        const std::string kind = to_utf8(change_kind);
        hidden("tracked-change", where, index,
               (kind.empty() ? std::string("change") : kind) + " by " + to_utf8(change_author),
               to_utf8(change_author), to_utf8(change_text), true, change_start, offset);
        change_open = false;
    };
    while (portions->hasMoreElements())
    {
        Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY);
        if (!portion.is())
            continue;
        OUString type;
        portion->getPropertyValue("TextPortionType") >>= type;
        Reference<text::XTextRange> range(portion, UNO_QUERY);
        const OUString piece = range.is() ? range->getString() : OUString();
        const std::size_t length = code_points(piece);
        if (type == "Redline")
        {
            bool start = false;
            portion->getPropertyValue("IsStart") >>= start;
            if (start)
            {
                close_change();
                change_open = true;
                change_start = offset;
                change_text.clear();
                portion->getPropertyValue("RedlineType") >>= change_kind;
                portion->getPropertyValue("RedlineAuthor") >>= change_author;
            }
            else
                close_change();
            continue;
        }
        if (change_open)
            change_text += piece;
        if (type == "Text" && length > 0)
        {
            bool is_hidden = false;
            portion->getPropertyValue("CharHidden") >>= is_hidden;
            if (is_hidden)
            {
                if (hidden_text.isEmpty())
                    hidden_start = offset;
                hidden_text += piece;
                hidden_chars += length;
            }
            else
            {
                flush_hidden();
                visible_chars += piece.trim().getLength();
            }
        }
        else if (type == "TextField")
            read_field(
                Reference<lang::XServiceInfo>(portion->getPropertyValue("TextField"), UNO_QUERY),
                where, index, container, offset, offset + length);
        offset += length;
        if (type == "Footnote")
            walk_note(Reference<text::XFootnote>(portion->getPropertyValue("Footnote"), UNO_QUERY));
        else if (type == "Bookmark" && taggable)
            read_tag(portion, here);
        else if (type == "Annotation")
            read_comment(
                Reference<beans::XPropertySet>(portion->getPropertyValue("TextField"), UNO_QUERY));
        else if (type == "TextField")
        {
            Reference<lang::XServiceInfo> field(portion->getPropertyValue("TextField"), UNO_QUERY);
            // Input fields are what placeholders (Word content controls)
            // become after a .docx round trip.
            const bool jump =
                field.is() && field->supportsService("com.sun.star.text.TextField.JumpEdit");
            if (jump || (field.is() && field->supportsService("com.sun.star.text.TextField.Input")))
                add_placeholder(self, Reference<beans::XPropertySet>(field, UNO_QUERY), jump,
                                placeholder_from);
        }
    }
    close_change(); // a change that runs on into the next paragraph
    if (hidden_chars > 0 && visible_chars == 0 && doc_.count(where) > index)
    {
        // Every character hidden: the paragraph itself is hidden.
        hidden("hidden-paragraph", where, index, container, {}, to_utf8(hidden_text));
        hidden_text.clear();
    }
    flush_hidden();
}

// A footnote or endnote where it is anchored (the portion walk meets it,
// or the outline read places it).
void Reader::walk_note(const Reference<text::XFootnote>& note)
{
    Reference<lang::XServiceInfo> ni(note, UNO_QUERY);
    const bool endnote = ni.is() && ni->supportsService("com.sun.star.text.Endnote");
    const Where w = endnote ? Where::Endnote : Where::Footnote;
    const std::string label = note.is() ? to_utf8(note->getLabel()) : std::string();
    ++note_count_[endnote];
    if (portion_items_left_ > 0)
        --portion_items_left_;
    walk_text(Reference<text::XText>(note, UNO_QUERY), w,
              std::string(endnote ? "endnote " : "footnote ") +
                  (label.empty() ? std::to_string(note_count_[endnote]) : label));
}

void Reader::read_comment(const Reference<beans::XPropertySet>& field)
{
    if (field.is() && first_visit(field))
    {
        add_comment(field);
        if (portion_items_left_ > 0)
            --portion_items_left_;
    }
}

// A text section that is hidden (Format > Sections > Hide), recorded at
// its first paragraph.
void Reader::hidden_section(const Reference<beans::XPropertySet>& paragraph, Where where,
                            std::size_t index, const std::string& container)
{
    if (!paragraph.is() || !paragraph->getPropertySetInfo()->hasPropertyByName("TextSection"))
        return;
    Reference<beans::XPropertySet> section(paragraph->getPropertyValue("TextSection"), UNO_QUERY);
    if (!section.is() || !first_visit(section))
        return;
    bool visible = true;
    OUString condition;
    section->getPropertyValue("IsVisible") >>= visible;
    section->getPropertyValue("Condition") >>= condition;
    if (visible && condition.isEmpty())
        return;
    Reference<container::XNamed> named(section, UNO_QUERY);
    const std::string name = named.is() ? to_utf8(named->getName()) : std::string();
    Reference<text::XTextContent> content(section, UNO_QUERY);
    hidden("hidden-paragraph", where, index,
           "hidden section " + name + (container.empty() ? "" : " in " + container), name,
           content.is() ? to_utf8(content->getAnchor()->getString()) : std::string());
}

std::size_t Reader::code_points(const OUString& s)
{
    std::size_t n = 0;
    for (sal_Int32 i = 0; i < s.getLength(); ++n)
        s.iterateCodePoints(&i);
    return n;
}

// Fields that fill in an author or a file name, and conditional hidden
// text and paragraphs.
void Reader::read_field(const Reference<lang::XServiceInfo>& field, Where where, std::size_t index,
                        const std::string& container, std::size_t start, std::size_t end)
{
    if (!field.is())
        return;
    Reference<text::XTextField> tf(field, UNO_QUERY);
    const std::string shown = tf.is() ? to_utf8(tf->getPresentation(false)) : std::string();
    static const char* const kPersonal[][2] = {
        {"com.sun.star.text.textfield.Author", "author field"},
        {"com.sun.star.text.textfield.ExtendedUser", "user data field"},
        {"com.sun.star.text.textfield.FileName", "file name field"},
        {"com.sun.star.text.textfield.TemplateName", "template name field"},
        {"com.sun.star.text.textfield.docinfo.CreateAuthor", "document author field"},
        {"com.sun.star.text.textfield.docinfo.ChangeAuthor", "modified-by field"},
        {"com.sun.star.text.textfield.docinfo.PrintAuthor", "printed-by field"},
    };
    for (const auto& k : kPersonal)
        if (field->supportsService(OUString::createFromAscii(k[0])))
        {
            hidden("field", where, index, std::string(k[1]) + " in " + where_name(where, container),
                   k[1], shown, false, start, end);
            return;
        }
    Reference<beans::XPropertySet> props(field, UNO_QUERY);
    if (field->supportsService("com.sun.star.text.textfield.HiddenText") && props.is())
    {
        OUString content, condition;
        props->getPropertyValue("Content") >>= content;
        props->getPropertyValue("Condition") >>= condition;
        hidden("hidden-text", where, index, "conditional hidden text (" + to_utf8(condition) + ")",
               "hidden text field", to_utf8(content), false, start, end);
    }
    else if (field->supportsService("com.sun.star.text.textfield.HiddenParagraph") && props.is())
    {
        OUString condition;
        props->getPropertyValue("Condition") >>= condition;
        const Paragraph* p = nullptr;
        for (const Paragraph& q : doc_.paragraphs)
            if (q.where == where && q.index == index)
                p = &q;
        hidden("hidden-paragraph", where, index,
               "hidden paragraph field (" + to_utf8(condition) + ")", "hidden paragraph field",
               p ? p->text : std::string());
    }
}

std::string Reader::where_name(Where where, const std::string& container)
{
    return container.empty() ? std::string(to_string(where)) : container;
}

// A placeholder field shows as "<text>" in the paragraph's string (an
// input field as its content): its span is recorded so that checks can
// tell guidance from written text.
void Reader::add_placeholder(std::size_t self, const Reference<beans::XPropertySet>& field,
                             bool jump, std::size_t& from)
{
    OUString value;
    if (!field.is() ||
        !(field->getPropertyValue(OUString::createFromAscii(jump ? "PlaceHolder" : "Content")) >>=
          value) ||
        value.isEmpty())
        return;
    Paragraph& p = doc_.paragraphs[self];
    const std::string shown = jump ? "<" + to_utf8(value) + ">" : to_utf8(value);
    const std::size_t at = p.text.find(shown, from);
    if (at == std::string::npos)
        return;
    auto code_points = [&](std::size_t bytes)
    {
        std::size_t n = 0;
        for (std::size_t i = 0; i < bytes; ++i)
            n += (static_cast<unsigned char>(p.text[i]) & 0xC0) != 0x80;
        return n;
    };
    p.placeholders.emplace_back(code_points(at), code_points(at + shown.size()));
    from = at + shown.size();
}

void Reader::read_tag(const Reference<beans::XPropertySet>& portion, std::size_t here)
{
    Reference<container::XNamed> bookmark(portion->getPropertyValue("Bookmark"), UNO_QUERY);
    if (!bookmark.is())
        return;
    const std::string name = to_utf8(bookmark->getName());
    bool start = true;
    portion->getPropertyValue("IsStart") >>= start;
    const auto open = open_tags_.find(name);
    if (!start)
    {
        if (open != open_tags_.end())
            doc_.tags[open->second].last = here;
        return;
    }
    std::optional<Tag> tag = parse_tag_name(name);
    if (!tag || open != open_tags_.end())
        return;
    tag->paragraph = tag->last = here;
    open_tags_[name] = doc_.tags.size();
    doc_.tags.push_back(std::move(*tag));
}

void Reader::add_comment(const Reference<beans::XPropertySet>& field)
{
    OUString content, author;
    field->getPropertyValue("Content") >>= content;
    field->getPropertyValue("Author") >>= author;
    const std::string container = "comment by " + to_utf8(author);
    const std::string text = to_utf8(content);
    hidden("comment", Where::Comment, doc_.count(Where::Comment), container, to_utf8(author), text,
           true);
    std::size_t pos = 0;
    while (pos <= text.size())
    {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        add(Where::Comment, text.substr(pos, nl - pos), 0, container,
            Reference<uno::XInterface>(field, UNO_QUERY));
        pos = nl + 1;
    }
}

// Frames anchored to this paragraph.
void Reader::walk_anchored(const Reference<lang::XServiceInfo>& paragraph)
{
    Reference<container::XContentEnumerationAccess> access(paragraph, UNO_QUERY);
    if (!access.is())
        return;
    Reference<container::XEnumeration> contents =
        access->createContentEnumeration("com.sun.star.text.TextContent");
    while (contents.is() && contents->hasMoreElements())
    {
        Reference<text::XTextFrame> frame(contents->nextElement(), UNO_QUERY);
        if (!frame.is())
            continue;
        Reference<container::XNamed> named(frame, UNO_QUERY);
        const std::string name = named.is() ? to_utf8(named->getName()) : std::string();
        walk_container("frame", frame->getText(), Where::Frame, "frame " + name, name);
    }
}

} // namespace scrqm::lo::detail
