#include "hidden.hxx"

#include "convert.hxx"
#include "prelude.hxx"
#include "publication.hxx"
#include "undo_context.hxx"
#include "uno_helpers.hxx"

#include <scrqm/json.hxx>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/document/DocumentRevisionListPersistence.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/document/XStorageBasedDocument.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/RevisionTag.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <stdexcept>
#include <vector>

namespace scrqm::lo
{

namespace
{

constexpr const char* kSecurityNode = "/org.openoffice.Office.Common/Security/Scripting";
constexpr const char* kPersonalInfo = "RemovePersonalInfoOnSaving";

std::vector<Reference<text::XTextContent>> comments(const Reference<frame::XModel>& model)
{
    std::vector<Reference<text::XTextContent>> out;
    Reference<text::XTextFieldsSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        return out;
    Reference<container::XEnumeration> e = supplier->getTextFields()->createEnumeration();
    while (e->hasMoreElements())
    {
        Reference<lang::XServiceInfo> info(e->nextElement(), UNO_QUERY);
        if (info.is() && info->supportsService("com.sun.star.text.textfield.Annotation"))
            out.emplace_back(info, UNO_QUERY);
    }
    return out;
}

} // namespace

void read_office_hidden(const Reference<uno::XComponentContext>& context,
                        const Reference<frame::XModel>& model, Document& doc)
{
    // scrqm's own data (tags, question notes, the ignore list) is hidden
    // data like any other: the publication copy removes it.
    try
    {
        read_scrqm_data(model, doc);
    }
    catch (const uno::Exception&)
    {
    }
    // Versions stored in the file (File > Versions; ODF only).
    try
    {
        Reference<document::XStorageBasedDocument> sbd(model, UNO_QUERY);
        if (sbd.is())
        {
            Reference<embed::XStorage> storage = sbd->getDocumentStorage();
            if (storage.is())
            {
                Reference<document::XDocumentRevisionListPersistence> list =
                    document::DocumentRevisionListPersistence::create(context);
                const uno::Sequence<util::RevisionTag> tags = list->load(storage);
                for (sal_Int32 i = 0; i < tags.getLength(); ++i)
                {
                    HiddenItem h;
                    h.kind = "version";
                    h.where = Where::Property;
                    h.paragraph = doc.count(Where::Property);
                    h.container =
                        "version " + std::to_string(i + 1) + " by " + to_utf8(tags[i].Author);
                    h.name = to_utf8(tags[i].Identifier);
                    h.text = to_utf8(tags[i].Comment);
                    doc.hidden.push_back(h);
                    doc.add(Where::Property, h.text, 0, h.container);
                }
            }
        }
    }
    catch (const uno::Exception&)
    {
        // A format without a storage (.docx, a new document) has no versions.
    }
    // The option matters when there is personal information it would remove.
    bool personal = false;
    for (const HiddenItem& h : doc.hidden)
        personal = personal || h.kind == "comment" || h.kind == "tracked-change" ||
                   h.kind == "version" ||
                   (h.kind == "property" && (h.name == "author" || h.name == "modified-by"));
    if (!personal)
        return;
    try
    {
        Reference<container::XNameAccess> access(config_node(context, kSecurityNode, false),
                                                 UNO_QUERY);
        bool on = false;
        if (access.is())
            access->getByName(OUString::createFromAscii(kPersonalInfo)) >>= on;
        if (!on)
        {
            HiddenItem h;
            h.kind = "personal-info-setting";
            h.where = Where::Property;
            h.paragraph = doc.count(Where::Property);
            h.container = "office option";
            h.name = kPersonalInfo;
            h.text = "Remove personal information on saving: off";
            h.fixable = true;
            doc.hidden.push_back(h);
            doc.add(Where::Property, h.text, 0, h.container);
        }
    }
    catch (const uno::Exception&)
    {
        // No configuration (should not happen in an office): nothing to say.
    }
}

bool is_hidden_fix(const std::string& fix)
{
    return fix == "delete-comments" || fix == "accept-changes" || fix == "reject-changes" ||
           fix == "clear-property" || fix == "remove-personal-info-on-save";
}

std::string apply_hidden_fix(const Reference<uno::XComponentContext>& context,
                             const Reference<frame::XModel>& model, const std::string& fix,
                             const std::string& property)
{
    JsonWriter w;
    w.begin_object().member("fix", fix);
    if (fix == "delete-comments")
    {
        const auto list = comments(model);
        {
            UndoContext undo(model, "scrqm: delete comments");
            for (const auto& c : list)
            {
                Reference<text::XTextRange> anchor = c->getAnchor();
                anchor->getText()->removeTextContent(c);
            }
        }
        w.member("removed", static_cast<std::uint64_t>(list.size())).member("undo", true);
    }
    else if (fix == "accept-changes" || fix == "reject-changes")
    {
        const std::size_t before = count_redlines(model);
        if (before > 0)
        {
            Reference<frame::XController> controller = model->getCurrentController();
            Reference<frame::XDispatchProvider> frame(
                controller.is() ? controller->getFrame() : nullptr, UNO_QUERY);
            if (!frame.is())
                throw std::runtime_error("the document has no window to settle changes in");
            Reference<frame::XDispatchHelper> helper = frame::DispatchHelper::create(context);
            const OUString command = fix == "accept-changes"
                                         ? OUString(".uno:AcceptAllTrackedChanges")
                                         : OUString(".uno:RejectAllTrackedChanges");
            UndoContext undo(model, fix == "accept-changes" ? "scrqm: accept tracked changes"
                                                            : "scrqm: reject tracked changes");
            helper->executeDispatch(frame, command, "", 0, uno::Sequence<beans::PropertyValue>());
        }
        w.member("settled", static_cast<std::uint64_t>(before - count_redlines(model)))
            .member("undo", true);
    }
    else if (fix == "clear-property")
    {
        if (property.empty())
            throw std::runtime_error("Fix=clear-property needs Property=NAME (author, "
                                     "modified-by, title, subject, description, keywords, "
                                     "template or custom:NAME)");
        Reference<document::XDocumentPropertiesSupplier> supplier(model, UNO_QUERY);
        if (!supplier.is())
            throw std::runtime_error("the document has no properties");
        Reference<document::XDocumentProperties> dp = supplier->getDocumentProperties();
        if (property == "author")
            dp->setAuthor("");
        else if (property == "modified-by")
            dp->setModifiedBy("");
        else if (property == "title")
            dp->setTitle("");
        else if (property == "subject")
            dp->setSubject("");
        else if (property == "description")
            dp->setDescription("");
        else if (property == "keywords")
            dp->setKeywords({});
        else if (property == "template")
        {
            dp->setTemplateName("");
            dp->setTemplateURL("");
        }
        else if (property.rfind("custom:", 0) == 0)
        {
            Reference<beans::XPropertyContainer> user = dp->getUserDefinedProperties();
            Reference<beans::XPropertySet> set(user, UNO_QUERY);
            const OUString name = to_ou(property.substr(7));
            if (!set.is() || !set->getPropertySetInfo()->hasPropertyByName(name))
                throw std::runtime_error("no custom property \"" + property.substr(7) + "\"");
            user->removeProperty(name);
        }
        else
            throw std::runtime_error("unknown Property \"" + property +
                                     "\" (author, modified-by, title, subject, description, "
                                     "keywords, template or custom:NAME)");
        // Properties are saved only with a modified document.
        Reference<util::XModifiable> modifiable(model, UNO_QUERY);
        if (modifiable.is())
            modifiable->setModified(true);
        w.member("property", property)
            .member("undo", false)
            .member("note", "document properties are outside Edit > Undo");
    }
    else if (fix == "remove-personal-info-on-save")
    {
        set_config(config_node(context, kSecurityNode, true),
                   OUString::createFromAscii(kPersonalInfo), uno::Any(true));
        w.member("option", kPersonalInfo)
            .member("undo", false)
            .member("note", "an office option (Tools > Options > Security), not a document change");
    }
    else
        throw std::runtime_error("unknown Fix \"" + fix + "\"");
    w.end_object();
    return w.take();
}

} // namespace scrqm::lo
