// The publication copy: see publication.hxx. The dialog around it is in
// publication_ui.cxx.
#include "publication.hxx"

#include "convert.hxx"
#include "external_links.hxx"
#include "hidden.hxx"
#include "office_check.hxx"
#include "prelude.hxx"
#include "reader.hxx"
#include "uno_helpers.hxx"

#include <scrqm/json.hxx>
#include <scrqm/result.hxx>
#include <scrqm/tags.hxx>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextSectionsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace scrqm::lo
{

namespace
{

constexpr const char* kIgnoredProperty = "scrqm.ignored"; // results_check.cxx
constexpr const char* kSecurityNode = "/org.openoffice.Office.Common/Security/Scripting";
constexpr const char* kPersonalInfo = "RemovePersonalInfoOnSaving";

struct Format
{
    const char* name;
    const char* extension;
    const char* filter;
};

constexpr Format kFormats[] = {
    {"docx", ".docx", "MS Word 2007 XML"},
    {"odt", ".odt", "writer8"},
    {"pdf", ".pdf", "writer_pdf_Export"},
};

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const Format* format_named(const std::string& name)
{
    for (const Format& f : kFormats)
        if (name == f.name)
            return &f;
    return nullptr;
}

OUString to_url(const std::string& path_or_url)
{
    if (path_or_url.rfind("file:", 0) == 0)
        return to_ou(path_or_url);
    OUString url;
    std::string absolute = path_or_url;
    if (!absolute.empty() && absolute[0] != '/')
        absolute = std::filesystem::absolute(absolute).string();
    if (osl::FileBase::getFileURLFromSystemPath(to_ou(absolute), url) != osl::FileBase::E_None)
        throw std::runtime_error("Output is not a file path or file URL: " + path_or_url);
    return url;
}

std::string to_path(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return {};
    return to_utf8(path);
}

// A private directory for the copy's source, removed with everything in it
// (the office's lock files too) once the copy is closed.
class TempDir
{
public:
    TempDir()
    {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/scrqm-publish-XXXXXX";
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("cannot make a temporary directory for the copy");
        path_ = pattern;
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Closes a loaded copy when it goes out of scope.
struct Loaded
{
    Reference<frame::XModel> model;
    ~Loaded() { close(model); }
};

// "Remove personal information on saving" on while the copy is stored, so
// that saving does not write the user's name as the copy's last editor,
// then as the user had it.
class PersonalInfoRemoved
{
public:
    explicit PersonalInfoRemoved(const Reference<uno::XComponentContext>& context)
    {
        try
        {
            node_ = config_node(context, kSecurityNode, true);
            Reference<container::XNameAccess> access(node_, UNO_QUERY_THROW);
            access->getByName(OUString::createFromAscii(kPersonalInfo)) >>= before_;
            if (!before_)
                set(true);
        }
        catch (const uno::Exception&)
        {
            node_.clear(); // no configuration: store as the office would
        }
    }
    ~PersonalInfoRemoved()
    {
        if (node_.is() && !before_)
            set(false);
    }
    PersonalInfoRemoved(const PersonalInfoRemoved&) = delete;
    PersonalInfoRemoved& operator=(const PersonalInfoRemoved&) = delete;

private:
    void set(bool on)
    {
        try
        {
            set_config(node_, OUString::createFromAscii(kPersonalInfo), uno::Any(on));
        }
        catch (const uno::Exception&)
        {
        }
    }
    Reference<uno::XInterface> node_;
    bool before_ = false;
};

Reference<frame::XModel> load_hidden(const Reference<uno::XComponentContext>& context,
                                     const OUString& url, bool read_only)
{
    Reference<frame::XComponentLoader> loader(frame::Desktop::create(context), UNO_QUERY_THROW);
    const uno::Sequence<beans::PropertyValue> media = hidden_load_arguments(read_only);
    ExternalLinksBlocked blocked(context); // the copy fetches nothing either
    Reference<frame::XModel> model(loader->loadComponentFromURL(url, "_blank", 0, media),
                                   UNO_QUERY);
    if (!model.is())
        throw std::runtime_error("LibreOffice could not open the copy");
    return model;
}

std::vector<Reference<text::XTextContent>> fields_of(const Reference<frame::XModel>& model,
                                                     const char* service)
{
    std::vector<Reference<text::XTextContent>> out;
    Reference<text::XTextFieldsSupplier> supplier(model, UNO_QUERY_THROW);
    Reference<container::XEnumeration> e = supplier->getTextFields()->createEnumeration();
    while (e->hasMoreElements())
    {
        Reference<lang::XServiceInfo> info(e->nextElement(), UNO_QUERY);
        if (info.is() && info->supportsService(OUString::createFromAscii(service)))
            out.emplace_back(info, UNO_QUERY);
    }
    return out;
}

void settle_changes(const Reference<uno::XComponentContext>& context,
                    const Reference<frame::XModel>& copy, bool keep, PublicationCleaned& cleaned)
{
    const std::size_t changes = count_redlines(copy);
    if (changes > 0 && keep)
        throw std::runtime_error(
            "the document has " + std::to_string(changes) +
            " tracked change(s) not yet accepted or rejected, and Changes=keep asks to keep "
            "them: a publication copy cannot carry them. Accept or reject them first, or let "
            "the copy accept them. Nothing was written.");
    Reference<beans::XPropertySet>(copy, UNO_QUERY_THROW)
        ->setPropertyValue("RecordChanges", uno::Any(false));
    if (changes == 0)
        return;
    Reference<frame::XController> controller = copy->getCurrentController();
    Reference<frame::XDispatchProvider> frame(controller.is() ? controller->getFrame() : nullptr,
                                              UNO_QUERY);
    if (!frame.is())
        throw std::runtime_error("the copy has no window to accept its tracked changes in");
    frame::DispatchHelper::create(context)->executeDispatch(
        frame, ".uno:AcceptAllTrackedChanges", "", 0, uno::Sequence<beans::PropertyValue>());
    const std::size_t left = count_redlines(copy);
    if (left > 0)
        throw std::runtime_error(std::to_string(left) +
                                 " tracked change(s) could not be accepted in the copy. "
                                 "Nothing was written.");
    cleaned.changes_accepted = changes;
}

void remove_comments(const Reference<frame::XModel>& copy, PublicationCleaned& cleaned)
{
    for (const auto& field : fields_of(copy, "com.sun.star.text.textfield.Annotation"))
    {
        field->getAnchor()->getText()->removeTextContent(field);
        ++cleaned.comments;
    }
}

bool is_hidden(const Reference<uno::XInterface>& object, const char* property)
{
    Reference<beans::XPropertySet> set(object, UNO_QUERY);
    bool hidden = false;
    if (set.is() &&
        set->getPropertySetInfo()->hasPropertyByName(OUString::createFromAscii(property)))
        set->getPropertyValue(OUString::createFromAscii(property)) >>= hidden;
    return hidden;
}

void collect_hidden_portions(const Reference<text::XText>& text,
                             std::vector<Reference<text::XTextRange>>& out)
{
    Reference<container::XEnumerationAccess> paragraphs(text, UNO_QUERY);
    if (!paragraphs.is())
        return;
    Reference<container::XEnumeration> e = paragraphs->createEnumeration();
    while (e->hasMoreElements())
    {
        const uno::Any element = e->nextElement();
        if (Reference<text::XTextTable> table(element, UNO_QUERY); table.is())
        {
            for (const OUString& name : table->getCellNames())
                collect_hidden_portions(
                    Reference<text::XText>(table->getCellByName(name), UNO_QUERY), out);
            continue;
        }
        Reference<container::XEnumerationAccess> portions(element, UNO_QUERY);
        if (!portions.is())
            continue;
        Reference<container::XEnumeration> p = portions->createEnumeration();
        while (p->hasMoreElements())
        {
            Reference<text::XTextRange> portion(p->nextElement(), UNO_QUERY);
            if (portion.is() && is_hidden(portion, "CharHidden"))
                out.push_back(portion);
        }
    }
}

void add_texts(const Reference<container::XIndexAccess>& items,
               std::vector<Reference<text::XText>>& out)
{
    for (sal_Int32 i = 0; items.is() && i < items->getCount(); ++i)
        if (Reference<text::XText> text(items->getByIndex(i), UNO_QUERY); text.is())
            out.push_back(text);
}

// The body and every text outside it that a reader of the copy sees: text
// frames, text boxes drawn as shapes (what a .docx's become), footnotes,
// endnotes, and the headers and footers of every page style in use.
std::vector<Reference<text::XText>> every_text(const Reference<frame::XModel>& copy)
{
    std::vector<Reference<text::XText>> out{
        Reference<text::XTextDocument>(copy, UNO_QUERY_THROW)->getText()};
    if (Reference<text::XTextFramesSupplier> frames(copy, UNO_QUERY); frames.is())
        add_texts(Reference<container::XIndexAccess>(frames->getTextFrames(), UNO_QUERY), out);
    if (Reference<drawing::XDrawPageSupplier> draw(copy, UNO_QUERY); draw.is())
    {
// Writer has one draw page; 7.4 has no newer accessor for text documents.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        Reference<container::XIndexAccess> shapes(draw->getDrawPage(), UNO_QUERY);
#pragma GCC diagnostic pop
        for (sal_Int32 i = 0; shapes.is() && i < shapes->getCount(); ++i)
        {
            Reference<lang::XServiceInfo> shape(shapes->getByIndex(i), UNO_QUERY);
            Reference<text::XText> text(shape, UNO_QUERY);
            // Frames are listed above.
            if (text.is() && !shape->supportsService("com.sun.star.text.TextFrame"))
                out.push_back(text);
        }
    }
    if (Reference<text::XFootnotesSupplier> notes(copy, UNO_QUERY); notes.is())
        add_texts(notes->getFootnotes(), out);
    if (Reference<text::XEndnotesSupplier> notes(copy, UNO_QUERY); notes.is())
        add_texts(notes->getEndnotes(), out);
    Reference<style::XStyleFamiliesSupplier> families(copy, UNO_QUERY);
    Reference<container::XNameAccess> pages;
    if (families.is())
        families->getStyleFamilies()->getByName("PageStyles") >>= pages;
    const uno::Sequence<OUString> names =
        pages.is() ? pages->getElementNames() : uno::Sequence<OUString>();
    for (const OUString& name : names)
    {
        Reference<beans::XPropertySet> style(pages->getByName(name), UNO_QUERY);
        for (const char* kind : {"Header", "Footer"})
        {
            bool on = false;
            if (!style.is() ||
                !(style->getPropertyValue(OUString::createFromAscii(kind) + "IsOn") >>= on) || !on)
                continue;
            // Left and first-page texts are their own only when not shared;
            // the same text twice is harmless (its hidden text is gone).
            for (const char* which : {"Text", "TextLeft", "TextFirst"})
            {
                const OUString property =
                    OUString::createFromAscii(kind) + OUString::createFromAscii(which);
                if (!style->getPropertySetInfo()->hasPropertyByName(property))
                    continue;
                Reference<text::XText> text(style->getPropertyValue(property), UNO_QUERY);
                if (text.is())
                    out.push_back(text);
            }
        }
    }
    return out;
}

void remove_hidden_text(const Reference<frame::XModel>& copy, PublicationCleaned& cleaned)
{
    // Sections hidden by their settings or a condition: their text goes with them.
    Reference<text::XTextSectionsSupplier> sections(copy, UNO_QUERY);
    if (sections.is())
    {
        Reference<container::XIndexAccess> all(sections->getTextSections(), UNO_QUERY_THROW);
        std::vector<Reference<text::XTextContent>> hidden;
        for (sal_Int32 i = 0; i < all->getCount(); ++i)
        {
            Reference<text::XTextContent> section(all->getByIndex(i), UNO_QUERY);
            Reference<beans::XPropertySet> set(section, UNO_QUERY);
            bool visible = true;
            if (set.is())
                set->getPropertyValue("IsVisible") >>= visible;
            if (section.is() && !visible)
                hidden.push_back(section);
        }
        for (const auto& section : hidden)
        {
            Reference<text::XTextRange> anchor = section->getAnchor();
            anchor->setString("");
            anchor->getText()->removeTextContent(section);
            ++cleaned.hidden_text;
        }
    }
    // A hidden-paragraph field whose condition holds hides its paragraph;
    // a hidden-text field hides its own content.
    for (const auto& field : fields_of(copy, "com.sun.star.text.textfield.HiddenParagraph"))
    {
        const bool hidden = is_hidden(field, "IsHidden");
        Reference<text::XTextRange> anchor = field->getAnchor();
        Reference<text::XText> text = anchor->getText();
        if (hidden)
        {
            Reference<text::XParagraphCursor> paragraph(text->createTextCursorByRange(anchor),
                                                        UNO_QUERY_THROW);
            paragraph->gotoStartOfParagraph(false);
            paragraph->gotoEndOfParagraph(true);
            paragraph->setString("");
            ++cleaned.hidden_text;
        }
        else
            text->removeTextContent(field);
    }
    for (const auto& field : fields_of(copy, "com.sun.star.text.textfield.HiddenText"))
        if (is_hidden(field, "IsHidden"))
        {
            field->getAnchor()->getText()->removeTextContent(field);
            ++cleaned.hidden_text;
        }
    // Hidden characters (Format > Character > Font Effects > Hidden), in
    // every text of the document and its tables: Writer's attribute search
    // does not list them (findAll with CharHidden and no text found none),
    // so the portions are walked.
    std::vector<Reference<text::XTextRange>> ranges;
    for (const Reference<text::XText>& text : every_text(copy))
        collect_hidden_portions(text, ranges);
    for (const auto& range : ranges)
        if (!range->getString().isEmpty())
        {
            range->setString("");
            ++cleaned.hidden_text;
        }
}

void clear_properties(const Reference<frame::XModel>& copy, PublicationCleaned& cleaned)
{
    Reference<document::XDocumentPropertiesSupplier> supplier(copy, UNO_QUERY_THROW);
    Reference<document::XDocumentProperties> dp = supplier->getDocumentProperties();
    // Who wrote, edited, printed and from what: personal. The title is the
    // report's own and stays (the copy's check still lists it).
    const OUString personal[] = {dp->getAuthor(),       dp->getModifiedBy(),  dp->getPrintedBy(),
                                 dp->getTemplateName(), dp->getTemplateURL(), dp->getSubject(),
                                 dp->getDescription(),  dp->getAutoloadURL()};
    for (const OUString& value : personal)
        cleaned.properties += value.isEmpty() ? 0 : 1;
    cleaned.properties += dp->getKeywords().getLength() > 0 ? 1 : 0;
    dp->setAuthor("");
    dp->setModifiedBy("");
    dp->setPrintedBy("");
    dp->setTemplateName("");
    dp->setTemplateURL("");
    dp->setSubject("");
    dp->setDescription("");
    dp->setAutoloadURL("");
    dp->setKeywords({});
    dp->setEditingCycles(0);
    dp->setEditingDuration(0);
    // Every user-defined property: the author's (case numbers, names) and
    // scrqm's own (question notes scrqm_Q_*, the ignore list).
    Reference<beans::XPropertyContainer> user = dp->getUserDefinedProperties();
    Reference<beans::XPropertySet> set(user, UNO_QUERY_THROW);
    const uno::Sequence<beans::Property> all = set->getPropertySetInfo()->getProperties();
    for (sal_Int32 i = 0; i < all.getLength(); ++i)
    {
        user->removeProperty(all[i].Name);
        ++cleaned.user_properties;
    }
}

void remove_scrqm_bookmarks(const Reference<frame::XModel>& copy, PublicationCleaned& cleaned)
{
    Reference<text::XBookmarksSupplier> supplier(copy, UNO_QUERY);
    if (!supplier.is())
        return;
    Reference<container::XNameAccess> bookmarks = supplier->getBookmarks();
    for (const OUString& name : bookmarks->getElementNames())
    {
        if (!is_scrqm_name(to_utf8(name)))
            continue;
        Reference<text::XTextContent> mark(bookmarks->getByName(name), UNO_QUERY_THROW);
        mark->getAnchor()->getText()->removeTextContent(mark);
        ++cleaned.scrqm_bookmarks;
    }
}

CheckOutcome check_copy(const Reference<uno::XComponentContext>& context,
                        const Reference<frame::XModel>& copy, const std::string& file,
                        const CheckArguments& arguments)
{
    Document doc = read_document(copy, file);
    read_office_hidden(context, copy, doc);
    CheckRequest request = office_check_request(context, arguments);
    request.file = file;
    return run_check(doc, request, office_check_runner());
}

} // namespace

std::string publication_format(const std::string& output, const std::string& format)
{
    if (output.empty())
        throw std::invalid_argument("missing Output (the publication copy's file: .docx, .odt "
                                    "or .pdf)");
    const std::string name = lower(output.substr(output.find_last_of('/') + 1));
    const std::size_t dot = name.find_last_of('.');
    const std::string extension = dot == std::string::npos ? "" : name.substr(dot);
    const Format* by_extension = nullptr;
    for (const Format& f : kFormats)
        if (extension == f.extension)
            by_extension = &f;
    if (format.empty())
    {
        if (!by_extension)
            throw std::invalid_argument("cannot tell the copy's format from \"" + output +
                                        "\": name it .docx, .odt or .pdf, or give Format");
        return by_extension->name;
    }
    const Format* given = format_named(lower(format));
    if (!given)
        throw std::invalid_argument("unknown Format \"" + format + "\" (docx, odt or pdf)");
    if (by_extension && by_extension != given)
        throw std::invalid_argument("Output \"" + output + "\" ends in " + extension +
                                    " but Format is " + given->name);
    return given->name;
}

PublicationOutcome publish_copy(const Reference<uno::XComponentContext>& context,
                                const Reference<frame::XModel>& model,
                                const PublicationRequest& request)
{
    PublicationOutcome out;
    out.format = publication_format(request.output, request.format);
    const Format& format = *format_named(out.format);
    const OUString output = to_url(request.output);
    out.output = to_utf8(output);
    const OUString original = model->getURL();
    if (!original.isEmpty() && original == output)
        throw std::runtime_error("Output is the document itself: a publication copy is a new "
                                 "file, the document stays as it is");

    TempDir tmp;
    // The source of the copy. An unmodified document is its file: copied
    // byte for byte, the document is not touched at all. Otherwise
    // storeToURL writes what the user sees without moving the document to
    // that file or clearing its modified flag.
    Reference<util::XModifiable> modifiable(model, UNO_QUERY);
    const bool modified = modifiable.is() && modifiable->isModified();
    const std::string original_path =
        original.startsWith("file:") ? to_path(original) : std::string();
    std::string source;
    if (!modified && !original_path.empty() && std::filesystem::is_regular_file(original_path))
    {
        const std::string name = original_path.substr(original_path.find_last_of('/') + 1);
        const std::size_t dot = name.find_last_of('.');
        source = tmp.path() + "/source" + (dot == std::string::npos ? "" : name.substr(dot));
        std::filesystem::copy_file(original_path, source);
        out.from_file = true;
    }
    else
    {
        source = tmp.path() + "/source.odt";
        uno::Sequence<beans::PropertyValue> store(1);
        store[0] = prop("FilterName", uno::Any(OUString("writer8")));
        Reference<frame::XStorable>(model, UNO_QUERY_THROW)->storeToURL(to_url(source), store);
    }

    Loaded copy{load_hidden(context, to_url(source), false)};
    settle_changes(context, copy.model, request.keep_changes, out.cleaned);
    remove_comments(copy.model, out.cleaned);
    remove_hidden_text(copy.model, out.cleaned);
    remove_scrqm_bookmarks(copy.model, out.cleaned);
    clear_properties(copy.model, out.cleaned);
    {
        PersonalInfoRemoved personal(context);
        uno::Sequence<beans::PropertyValue> store(2);
        store[0] = prop("FilterName", uno::Any(OUString::createFromAscii(format.filter)));
        store[1] = prop("Overwrite", uno::Any(true));
        Reference<frame::XStorable>(copy.model, UNO_QUERY_THROW)->storeToURL(output, store);
    }
    const std::string file = request.output;
    if (out.format == "pdf")
    {
        // A PDF is not read back: the copy as cleaned is what it shows.
        out.check = check_copy(context, copy.model, file, request.check);
        return out;
    }
    close(copy.model);
    copy.model.clear();
    // The copy as written: what the export kept is what goes out.
    Loaded written{load_hidden(context, output, true)};
    out.check = check_copy(context, written.model, file, request.check);
    return out;
}

std::string publication_json(const PublicationOutcome& outcome)
{
    JsonWriter w;
    w.begin_object();
    w.key("verdict")
        .begin_object()
        .member("ready", outcome.check.verdict.ready)
        .member("errors", static_cast<std::uint64_t>(outcome.check.verdict.errors))
        .member("text", outcome.check.verdict.text)
        .end_object();
    const PublicationCleaned& c = outcome.cleaned;
    w.key("publication")
        .begin_object()
        .member("output", outcome.output)
        .member("format", outcome.format)
        .member("from", outcome.from_file ? "file" : "open document")
        .key("cleaned")
        .begin_object()
        .member("changes_accepted", static_cast<std::uint64_t>(c.changes_accepted))
        .member("comments", static_cast<std::uint64_t>(c.comments))
        .member("hidden_text", static_cast<std::uint64_t>(c.hidden_text))
        .member("properties", static_cast<std::uint64_t>(c.properties))
        .member("user_properties", static_cast<std::uint64_t>(c.user_properties))
        .member("scrqm_bookmarks", static_cast<std::uint64_t>(c.scrqm_bookmarks))
        .end_object()
        .end_object()
        .end_object();
    std::string head = w.take();
    head.pop_back(); // the closing brace: the check's result follows
    const std::string result = to_json(outcome.check.result);
    return head + "," + result.substr(1);
}

void read_scrqm_data(const Reference<frame::XModel>& model, Document& doc)
{
    auto add = [&](const std::string& container, const std::string& name, const std::string& text)
    {
        HiddenItem h;
        h.kind = "scrqm-data";
        h.where = Where::Property;
        h.paragraph = doc.count(Where::Property);
        h.container = container;
        h.name = name;
        h.text = text;
        doc.hidden.push_back(h);
        doc.add(Where::Property, h.text, 0, h.container);
    };
    Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
    if (bookmarks.is())
    {
        std::size_t tags = 0;
        for (const OUString& name : bookmarks->getBookmarks()->getElementNames())
            tags += is_scrqm_name(to_utf8(name)) ? 1 : 0;
        if (tags > 0)
            add("tag bookmarks", "", std::to_string(tags) + " scrqm_ bookmark(s) marking tags");
    }
    Reference<document::XDocumentPropertiesSupplier> dps(model, UNO_QUERY);
    Reference<beans::XPropertySet> user(
        dps.is() ? dps->getDocumentProperties()->getUserDefinedProperties()
                 : Reference<beans::XPropertyContainer>(),
        UNO_QUERY);
    if (!user.is())
        return;
    std::string markers;
    const uno::Sequence<beans::Property> all = user->getPropertySetInfo()->getProperties();
    for (sal_Int32 i = 0; i < all.getLength(); ++i)
    {
        const std::string name = to_utf8(all[i].Name);
        if (const std::string marker = marker_of_question_property(name); !marker.empty())
            markers += (markers.empty() ? "" : ", ") + marker;
        else if (name == kIgnoredProperty)
            add("ignore list", "custom:" + name,
                "the results panel's ignore list (salted keys of ignored findings)");
    }
    if (!markers.empty())
        add("question notes", "", "question states and notes for " + markers);
}

} // namespace scrqm::lo
