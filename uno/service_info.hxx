// XServiceInfo for a component with one implementation name and one service:
// class X : public WithServiceInfo<cppu::WeakImplHelperN<..., XServiceInfo>>,
// constructed with the two names, instead of the same three methods in each.
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ustring.hxx>

namespace scrqm::lo
{

template <typename Base> class WithServiceInfo : public Base
{
public:
    WithServiceInfo(const char* implementation, const char* service)
        : implementation_(implementation), service_(service)
    {
    }

    rtl::OUString SAL_CALL getImplementationName() override
    {
        return rtl::OUString::createFromAscii(implementation_);
    }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    com::sun::star::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        com::sun::star::uno::Sequence<rtl::OUString> names(1);
        names[0] = rtl::OUString::createFromAscii(service_);
        return names;
    }

private:
    const char* implementation_;
    const char* service_;
};

} // namespace scrqm::lo
