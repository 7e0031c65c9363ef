using System.Text;
using Eipnet.Api.Protocol;

namespace Eipnet.Api.Tests.Protocol;

public sealed class XmlRenderingTests
{
    private const string Declaration = """<?xml version="1.0" encoding="UTF-8"?>""";

    [Fact]
    public void FromJson_RepeatsArrayItemsUnderPropertyName_AndLeavesEmptyArrayWrapperEmpty()
    {
        var json = """
            {"RequestId":"r-1","TotalCount":2,"PageNumber":1,"Ratio":1.50,
             "EipAddresses":{"EipAddress":[
               {"AllocationId":"eip-1","DeletionProtection":false,"Description":null,"Tags":{"Tag":[]}},
               {"AllocationId":"eip-2","SecondLimited":true,"Description":"a<b & c>d","Tags":{"Tag":[{"Key":"env","Value":"lab"}]},
                "SecurityProtectionTypes":{"SecurityProtectionType":["AntiDDoS_Enhanced","WAF"]}}]}}
            """;

        var xml = XmlRendering.FromJson(Encoding.UTF8.GetBytes(json), "DescribeEipAddressesResponse");

        Assert.Equal(
            Declaration
            + "<DescribeEipAddressesResponse><RequestId>r-1</RequestId><TotalCount>2</TotalCount><PageNumber>1</PageNumber><Ratio>1.50</Ratio>"
            + "<EipAddresses>"
            + "<EipAddress><AllocationId>eip-1</AllocationId><DeletionProtection>false</DeletionProtection><Description></Description><Tags></Tags></EipAddress>"
            + "<EipAddress><AllocationId>eip-2</AllocationId><SecondLimited>true</SecondLimited><Description>a&lt;b &amp; c&gt;d</Description>"
            + "<Tags><Tag><Key>env</Key><Value>lab</Value></Tag></Tags>"
            + "<SecurityProtectionTypes><SecurityProtectionType>AntiDDoS_Enhanced</SecurityProtectionType><SecurityProtectionType>WAF</SecurityProtectionType></SecurityProtectionTypes>"
            + "</EipAddress>"
            + "</EipAddresses></DescribeEipAddressesResponse>",
            xml);
    }

    [Fact]
    public void FromJson_RendersErrorEnvelope_UnderErrorRoot()
    {
        var json = """{"RequestId":"C0FFEE00-0000-4000-8000-000000000018","HostId":"vpc.aliyuncs.com","Code":"InvalidAllocationId.NotFound","Message":"Specified allocation ID is not found"}""";

        var xml = XmlRendering.FromJson(Encoding.UTF8.GetBytes(json), "Error");

        Assert.Equal(
            Declaration
            + "<Error><RequestId>C0FFEE00-0000-4000-8000-000000000018</RequestId><HostId>vpc.aliyuncs.com</HostId>"
            + "<Code>InvalidAllocationId.NotFound</Code><Message>Specified allocation ID is not found</Message></Error>",
            xml);
    }

    [Fact]
    public void FromJson_ProducesDocumentThatXmlParsersAccept()
    {
        var json = """{"Message":"quote \" apostrophe ' bell \u0007 cr \r 中文","Empty":{}}""";

        var xml = XmlRendering.FromJson(Encoding.UTF8.GetBytes(json), "Error");

        var parsed = System.Xml.Linq.XDocument.Parse(xml);
        Assert.Equal("quote \" apostrophe ' bell  cr \r 中文", parsed.Root?.Element("Message")?.Value);
        Assert.Equal("", parsed.Root?.Element("Empty")?.Value);
    }

    [Fact]
    public void ContentType_IsExactlyWhatTeaSdksRecognise() =>
        Assert.Equal("text/xml;charset=utf-8", XmlRendering.ContentType);
}
