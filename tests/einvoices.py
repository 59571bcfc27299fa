"""Synthetic e-invoices for the tests: EN 16931 XML in both syntaxes, attached to a printed PDF."""

from __future__ import annotations

import io
from pathlib import Path

# What the XML below states, as the catalogue normalises it. Every value is made up.
STATED = {
    "invoice_number": "RE-2026-0815",
    "issue_date": "2026-10-01",
    "due_date": "2026-10-31",
    "buyer_reference": "09162000-STADTKAEMMEREI-37",
    "seller_name": "Gartenbau Sonnleitner GmbH",
    "seller_vat_id": "DE123456789",
    "seller_tax_number": "143/123/45678",
    "seller_address": "Lindwurmstraße 12, 80337 München",
    "currency": "EUR",
    "net_amount": "1000.00",
    "tax_amount": "190.00",
    "gross_amount": "1190.00",
    "amount_due": "1190.00",
    "iban": "DE47701500001234567890",
}


def cii_xml(net: str = "1000.00", tax: str = "190.00", gross: str = "1190.00") -> bytes:
    """A Factur-X / ZUGFeRD 2 invoice (CII D16B), header only; the tax total is also stated in
    a second currency, as BT-111 allows."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice
    xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>RE-2026-0815</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20261001</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>09162000-STADTKAEMMEREI-37</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:Name>Gartenbau Sonnleitner GmbH</ram:Name>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>80337</ram:PostcodeCode>
          <ram:LineOne>Lindwurmstraße 12</ram:LineOne>
          <ram:CityName>München</ram:CityName>
          <ram:CountryID>DE</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="FC">143/123/45678</ram:ID>
        </ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">DE123456789</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Landeshauptstadt München</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>DE47701500001234567890</ram:IBANID>
        </ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:SpecifiedTradePaymentTerms>
        <ram:DueDateDateTime>
          <udt:DateTimeString format="102">20261031</udt:DateTimeString>
        </ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{net}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>{net}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="CHF">181.45</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">{tax}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{gross}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>{gross}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
""".encode()


def ubl_xml() -> bytes:
    """The same invoice as an XRechnung in UBL 2.1, amounts written without trailing zeros."""
    return """<?xml version="1.0" encoding="UTF-8"?>
<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>
  <cbc:ID>RE-2026-0815</cbc:ID>
  <cbc:IssueDate>2026-10-01</cbc:IssueDate>
  <cbc:DueDate>2026-10-31</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>09162000-STADTKAEMMEREI-37</cbc:BuyerReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cac:PartyName><cbc:Name>Sonnleitner Gartenbau</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>Lindwurmstraße 12</cbc:StreetName>
        <cbc:CityName>München</cbc:CityName>
        <cbc:PostalZone>80337</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>DE123456789</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>143/123/45678</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Gartenbau Sonnleitner GmbH</cbc:RegistrationName>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>DE47 7015 0000 1234 5678 90</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">190</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">1000</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">1000</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1190</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">1190</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</ubl:Invoice>
""".encode()


def printed_invoice(lines: list[str]) -> bytes:
    """A one-page PDF with `lines` as its text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    for index, line in enumerate(lines):
        sheet.drawString(72, 760 - 16 * index, line)
    sheet.save()
    return buffer.getvalue()


def write_e_invoice(path: Path, attachments: dict[str, bytes], lines: list[str] | None = None) -> Path:
    """A PDF with `attachments` embedded, as a supplier's invoicing software writes one."""
    import pypdfium2

    page = lines if lines is not None else ["Rechnung RE-2026-0815", "Gartenbau Sonnleitner GmbH"]
    document = pypdfium2.PdfDocument(printed_invoice(page))
    try:
        for name, data in attachments.items():
            document.new_attachment(name).set_data(data)
        document.save(path)
    finally:
        document.close()
    return path
