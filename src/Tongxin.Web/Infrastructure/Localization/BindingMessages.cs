using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Tongxin.Web.Infrastructure.Localization;

/// <summary>
/// Model binding and validation speak the user's language: the framework's English defaults ("The value 'x' is not
/// valid for y.") are replaced by Chinese keys the localiser translates for the request's culture.
/// </summary>
public sealed class BindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions o)
    {
        var l = factory.Create(typeof(UiText));
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => l["“{0}”不是有效的值", value]);
        m.SetMissingBindRequiredValueAccessor(field => l["缺少必填项"]);
        m.SetMissingKeyOrValueAccessor(() => l["缺少必填项"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["请求内容不能为空"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["“{0}”不是有效的值", value]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["填写的值无效"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["请填写数字"]);
        m.SetUnknownValueIsInvalidAccessor(field => l["填写的值无效"]);
        m.SetValueIsInvalidAccessor(value => l["“{0}”不是有效的值", value]);
        m.SetValueMustBeANumberAccessor(field => l["请填写数字"]);
        m.SetValueMustNotBeNullAccessor(value => l["缺少必填项"]);
        // Required-ness comes from the handlers' own checks and their Chinese messages, not from nullable annotations.
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    }
}
