// A job the office runs on a document event (Jobs.xcu): finds the event's document and hands it
// to run(); whatever fails stays inside the job, so the event (opening, saving) is never
// disturbed by DealSheet.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

namespace dealsheet::uno {

class DocumentJob
    : public cppu::WeakImplHelper2<com::sun::star::task::XJob, com::sun::star::lang::XServiceInfo> {
  public:
    DocumentJob(const char* implementation, const char* service)
        : implementation_(rtl::OUString::createFromAscii(implementation)),
          service_(rtl::OUString::createFromAscii(service)) {}

    com::sun::star::uno::Any SAL_CALL
    execute(const com::sun::star::uno::Sequence<com::sun::star::beans::NamedValue>& arguments)
        override {
        try {
            com::sun::star::uno::Reference<com::sun::star::frame::XModel> model;
            for (const auto& argument : arguments) {
                com::sun::star::uno::Sequence<com::sun::star::beans::NamedValue> environment;
                if (argument.Name != "Environment" || !(argument.Value >>= environment)) continue;
                for (const auto& value : environment)
                    if (value.Name == "Model") value.Value >>= model;
            }
            if (model.is()) run(model);
        } catch (...) {
            // Never in the way of the user's document.
        }
        return {};
    }

    rtl::OUString SAL_CALL getImplementationName() override { return implementation_; }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override {
        return cppu::supportsService(this, name);
    }
    com::sun::star::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override {
        return com::sun::star::uno::Sequence<rtl::OUString>(&service_, 1);
    }

  protected:
    virtual void run(
        const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model) = 0;

  private:
    rtl::OUString implementation_, service_;
};

}  // namespace dealsheet::uno
