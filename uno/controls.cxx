#include "controls.hxx"

#include "convert.hxx"
#include "prelude.hxx"

#include <scrqm/text_diff.hxx>

#include <com/sun/star/awt/XItemList.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>

#include <algorithm>

namespace scrqm::lo
{

Reference<awt::XControl> control(const Reference<awt::XControlContainer>& c, const char* name)
{
    return c.is() ? c->getControl(OUString::createFromAscii(name)) : Reference<awt::XControl>();
}

void set_model(const Reference<awt::XControl>& c, const char* property, const uno::Any& value)
{
    if (!c.is())
        return;
    Reference<beans::XPropertySet> props(c->getModel(), UNO_QUERY);
    if (props.is())
        props->setPropertyValue(OUString::createFromAscii(property), value);
}

void set_label(const Reference<awt::XControl>& c, const std::string& text)
{
    Reference<beans::XPropertySet> model(c.is() ? c->getModel() : nullptr, UNO_QUERY);
    OUString now;
    if (model.is() && (model->getPropertyValue("Label") >>= now) && now == to_ou(text))
        return;
    set_model(c, "Label", uno::Any(to_ou(text)));
}

void set_text(const Reference<awt::XControl>& c, const std::string& text)
{
    Reference<awt::XTextComponent> t(c, UNO_QUERY);
    // Unchanged text is not set again: a multi-line field lays itself out
    // anew each time.
    if (const OUString now = to_ou(text); t.is() && t->getText() != now)
        t->setText(now);
}

std::string get_text(const Reference<awt::XControl>& c)
{
    Reference<awt::XTextComponent> t(c, UNO_QUERY);
    return t.is() ? to_utf8(t->getText()) : std::string();
}

void fill_list(const Reference<awt::XControl>& c, const std::vector<std::string>& items, int select)
{
    Reference<awt::XListBox> list(c, UNO_QUERY);
    if (!list.is())
        return;
    uno::Sequence<OUString> now = list->getItems();
    bool same = now.getLength() == static_cast<sal_Int32>(items.size());
    for (sal_Int32 i = 0; same && i < now.getLength(); ++i)
        same = now[i] == to_ou(items[static_cast<std::size_t>(i)]);
    if (!same)
    {
        const sal_Int16 keep = list->getSelectedItemPos();
        // Only the rows that changed, when few did (a heading renamed or
        // tagged in a list of a thousand): refilling it all costs tens of ms.
        const sal_Int32 old_n = now.getLength(), new_n = static_cast<sal_Int32>(items.size());
        const CommonEnds ends =
            common_ends(static_cast<std::size_t>(old_n), items.size(),
                        [&](std::size_t i, std::size_t j)
                        { return now[static_cast<sal_Int32>(i)] == to_ou(items[j]); });
        const auto prefix = static_cast<sal_Int32>(ends.prefix);
        const auto suffix = static_cast<sal_Int32>(ends.suffix);
        const sal_Int32 old_mid = old_n - prefix - suffix, new_mid = new_n - prefix - suffix;
        Reference<awt::XItemList> rows(c->getModel(), UNO_QUERY);
        if (rows.is() && std::max(old_mid, new_mid) <= 16)
        {
            for (sal_Int32 i = 0; i < std::min(old_mid, new_mid); ++i)
                rows->setItemText(prefix + i, to_ou(items[static_cast<std::size_t>(prefix + i)]));
            for (sal_Int32 i = new_mid; i < old_mid; ++i)
                rows->removeItem(prefix + new_mid);
            for (sal_Int32 i = old_mid; i < new_mid; ++i)
                rows->insertItemText(prefix + i,
                                     to_ou(items[static_cast<std::size_t>(prefix + i)]));
        }
        else
        {
            uno::Sequence<OUString> seq(new_n);
            for (std::size_t i = 0; i < items.size(); ++i)
                seq[static_cast<sal_Int32>(i)] = to_ou(items[i]);
            set_model(c, "StringItemList", uno::Any(seq));
        }
        if (select < 0 && keep >= 0 && keep < static_cast<sal_Int16>(items.size()))
            select = keep;
    }
    if (select >= 0 && select < static_cast<int>(items.size()) &&
        list->getSelectedItemPos() != select)
    {
        list->selectItemPos(static_cast<sal_Int16>(select), true);
        list->makeVisible(static_cast<sal_Int16>(select));
    }
}

int selected(const Reference<awt::XControl>& c)
{
    Reference<awt::XListBox> list(c, UNO_QUERY);
    return list.is() ? list->getSelectedItemPos() : -1;
}

} // namespace scrqm::lo
