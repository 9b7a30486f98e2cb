// Written by ops/embed-templates from Sources/RedressNotices/Templates; do not edit by hand.

extension TemplateSource {
    /// Every built-in notice template, by file name, exactly as in Sources/RedressNotices/Templates.
    public static let embeddedTemplates: [String: String] = [
        "acknowledgement.complainant.en.mustache": #"""
Subject: [{{reference}}] We have received your complaint

Dear {{recipient_name}},

Thank you for your complaint, which we received on {{received_date}}. Its reference is {{reference}}; please quote it whenever you contact us.

Your complaint is about {{respondent_name}}. {{caseworker_name}} is handling it.

What happens next
- By {{triage_due_date}} we will tell you whether we can look into your complaint and how: by early resolution, mediation or investigation.
- Until your complaint is finished we will send you an update at least every 20 working days.

Your privacy
We will not tell {{respondent_name}} who you are without your consent. A complaint to us does not stop the time limits for going to court or to a tribunal; if you are thinking of legal action, take advice now.

{{#by_email}}
If you have anything to add, reply to this email.
{{/by_email}}
{{#by_post}}
If you have anything to add, write to us quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "acknowledgement.complainant.es.mustache": #"""
Subject: [{{reference}}] Hemos recibido su queja

Estimado/a {{recipient_name}}:

Gracias por su queja, que recibimos el {{received_date}}. Su referencia es {{reference}}; indíquela siempre que se ponga en contacto con nosotros.

Su queja se refiere a {{respondent_name}}. La tramita {{caseworker_name}}.

Próximos pasos
- A más tardar el {{triage_due_date}} le diremos si podemos examinar su queja y cómo: mediante resolución temprana, mediación o investigación.
- Hasta que concluya, le informaremos de la situación de su queja al menos cada 20 días hábiles.

Su privacidad
No revelaremos su identidad a {{respondent_name}} sin su consentimiento. Presentar una queja ante nosotros no interrumpe los plazos para acudir a los tribunales; si está pensando en emprender acciones legales, busque asesoramiento ahora.

{{#by_email}}
Si desea añadir algo, responda a este correo.
{{/by_email}}
{{#by_post}}
Si desea añadir algo, escríbanos indicando la referencia.
{{/by_post}}

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "acknowledgement.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정이 접수되었습니다

{{recipient_name}} 님께

{{received_date}}에 제출하신 진정을 접수하였습니다. 앞으로 문의하실 때에는 아래 사건번호를 알려 주십시오.

사건번호: {{reference}}
피진정기관: {{respondent_name}}
담당자: {{caseworker_name}}

앞으로의 절차
- {{triage_due_date}}까지 이 진정을 다룰 수 있는지, 그리고 조기 해결, 조정, 조사 가운데 어떤 방식으로 처리할지 알려 드리겠습니다.
- 진정 처리가 끝날 때까지 적어도 20근무일마다 진행 상황을 알려 드리겠습니다.

개인정보 보호
진정인의 동의 없이 피진정기관에 진정인의 신원을 알리지 않습니다. 진정을 제기하더라도 법원이나 다른 기관에 구제를 청구할 수 있는 기간은 멈추지 않으므로, 소송 등을 생각하고 계시다면 지금 법률 상담을 받으시기 바랍니다.

{{#by_email}}
덧붙이실 내용이 있으면 이 메일에 회신해 주십시오.
{{/by_email}}
{{#by_post}}
덧붙이실 내용이 있으면 사건번호를 적어 우편으로 보내 주십시오.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "acknowledgement.representative.en.mustache": #"""
Subject: [{{reference}}] We have received the complaint of {{complainant_name}}

Dear {{recipient_name}},

Thank you for the complaint you made on behalf of {{complainant_name}}, which we received on {{received_date}}. Its reference is {{reference}}; please quote it whenever you contact us.

The complaint is about {{respondent_name}}. {{caseworker_name}} is handling it, and will write to you as the representative of {{complainant_name}}.

What happens next
- By {{triage_due_date}} we will tell you whether we can look into the complaint and how: by early resolution, mediation or investigation.
- Until the complaint is finished we will send you an update at least every 20 working days.

Privacy
We will not tell {{respondent_name}} who made the complaint without the consent of {{complainant_name}}. A complaint to us does not stop the time limits for going to court or to a tribunal.

{{#by_email}}
If you have anything to add, reply to this email.
{{/by_email}}
{{#by_post}}
If you have anything to add, write to us quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "acknowledgement.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님의 진정이 접수되었습니다

{{recipient_name}} 님께

{{complainant_name}} 님을 대리하여 제출하신 진정을 {{received_date}}에 접수하였습니다. 앞으로 문의하실 때에는 아래 사건번호를 알려 주십시오.

사건번호: {{reference}}
진정인: {{complainant_name}}
피진정기관: {{respondent_name}}
담당자: {{caseworker_name}}

앞으로의 절차
- {{triage_due_date}}까지 이 진정을 다룰 수 있는지, 그리고 조기 해결, 조정, 조사 가운데 어떤 방식으로 처리할지 알려 드리겠습니다.
- 진정 처리가 끝날 때까지 적어도 20근무일마다 대리인께 진행 상황을 알려 드리겠습니다.

개인정보 보호
진정인의 동의 없이 피진정기관에 진정인의 신원을 알리지 않습니다. 진정을 제기하더라도 법원이나 다른 기관에 구제를 청구할 수 있는 기간은 멈추지 않습니다.

{{#by_email}}
덧붙이실 내용이 있으면 이 메일에 회신해 주십시오.
{{/by_email}}
{{#by_post}}
덧붙이실 내용이 있으면 사건번호를 적어 우편으로 보내 주십시오.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "acknowledgement.respondent.en.mustache": #"""
Subject: [{{reference}}] Complaint received concerning {{respondent_name}}

Dear {{recipient_name}},

On {{received_date}} {{office_name}} received a complaint concerning {{respondent_name}}. It is about {{subject_matter}}. Its reference is {{reference}}; please quote it whenever you contact us.

We have not yet decided whether or how we will look into it. By {{triage_due_date}} we will tell you whether we will deal with it by early resolution, mediation or investigation.

In the meantime, please keep every record that relates to this matter. {{caseworker_name}} is handling the complaint and is your contact.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "acknowledgement.respondent.ko.mustache": #"""
Subject: [{{reference}}] 진정 접수 안내 ({{respondent_name}})

{{recipient_name}} 귀하

{{received_date}}에 {{respondent_name}}에 관한 진정이 {{office_name}}에 접수되었습니다. 문의하실 때에는 아래 사건번호를 알려 주십시오.

사건번호: {{reference}}
진정 요지: {{subject_matter}}
담당자: {{caseworker_name}}

이 진정을 조사할지, 어떤 방식으로 처리할지는 아직 정하지 않았습니다. {{triage_due_date}}까지 조기 해결, 조정, 조사 가운데 처리 방식을 알려 드리겠습니다.

그동안 이 사안과 관련된 기록을 모두 보존하여 주시기 바랍니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "closure.complainant.en.mustache": #"""
Subject: [{{reference}}] We have closed your complaint

Dear {{recipient_name}},

We have closed your complaint {{reference}} about {{respondent_name}}.

Outcome: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
{{#outcome_is_transferred}}
We have passed your complaint to the body better placed to deal with it, which will contact you.

{{/outcome_is_transferred}}
If you think we were wrong to close your complaint, you can ask for a review within 20 working days of this letter: tell us why, quoting the reference above. If new information comes to light, we can reopen it.

Thank you for bringing this matter to us.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "closure.complainant.es.mustache": #"""
Subject: [{{reference}}] Hemos cerrado su queja

Estimado/a {{recipient_name}}:

Hemos cerrado su queja {{reference}} contra {{respondent_name}}.

Resultado: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
{{#outcome_is_transferred}}
Hemos remitido su queja al organismo más adecuado para tramitarla, que se pondrá en contacto con usted.

{{/outcome_is_transferred}}
Si considera que no debimos cerrar su queja, puede pedir una revisión dentro de los 20 días hábiles siguientes a esta carta, explicándonos el motivo e indicando la referencia. Si aparece información nueva, podemos reabrirla.

Gracias por habernos planteado este asunto.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "closure.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정 종결 안내

{{recipient_name}} 님께

{{respondent_name}}에 관한 진정({{reference}})을 종결하였습니다.

종결 사유: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
{{#outcome_is_transferred}}
진정을 더 적절히 처리할 수 있는 기관으로 이송하였으며, 그 기관에서 연락드릴 것입니다.

{{/outcome_is_transferred}}
종결이 잘못되었다고 생각하시면 이 안내를 받은 날부터 20근무일 안에 사건번호와 이유를 적어 재검토를 요청하실 수 있습니다. 새로운 사실이 확인되면 진정을 다시 열 수 있습니다.

이 문제를 알려 주셔서 감사합니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "closure.representative.en.mustache": #"""
Subject: [{{reference}}] We have closed the complaint of {{complainant_name}}

Dear {{recipient_name}},

We have closed the complaint {{reference}} of {{complainant_name}} about {{respondent_name}}.

Outcome: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
{{#outcome_is_transferred}}
We have passed the complaint to the body better placed to deal with it, which will contact you.

{{/outcome_is_transferred}}
If you or {{complainant_name}} think we were wrong to close the complaint, you can ask for a review within 20 working days of this letter: tell us why, quoting the reference above. If new information comes to light, we can reopen it.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "closure.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 종결 안내

{{recipient_name}} 님께

{{complainant_name}} 님이 {{respondent_name}}에 관하여 제기한 진정({{reference}})을 종결하였습니다.

종결 사유: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
{{#outcome_is_transferred}}
진정을 더 적절히 처리할 수 있는 기관으로 이송하였으며, 그 기관에서 연락드릴 것입니다.

{{/outcome_is_transferred}}
대리인이나 {{complainant_name}} 님께서 종결이 잘못되었다고 생각하시면 이 안내를 받은 날부터 20근무일 안에 사건번호와 이유를 적어 재검토를 요청하실 수 있습니다. 새로운 사실이 확인되면 진정을 다시 열 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "closure.respondent.en.mustache": #"""
Subject: [{{reference}}] Complaint closed

Dear {{recipient_name}},

We have closed the complaint {{reference}} concerning {{respondent_name}} about {{subject_matter}}.

Outcome: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
Thank you for your cooperation. Please keep the records of this matter in line with your retention rules; the complaint can be reopened if new information comes to light.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "closure.respondent.ko.mustache": #"""
Subject: [{{reference}}] 진정 종결 안내 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})을 종결하였습니다.

종결 사유: {{outcome}}

{{#closure_reasons}}
{{closure_reasons}}

{{/closure_reasons}}
협조해 주셔서 감사합니다. 이 사안의 기록은 기관의 보존 규정에 따라 보관해 주십시오. 새로운 사실이 확인되면 진정을 다시 열 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "corrected_due_dates.complainant.en.mustache": #"""
Subject: [{{reference}}] Corrected dates for your complaint

Dear {{recipient_name}},

Our working calendar has changed (a public holiday was added or removed, or our working days changed), so dates we gave you for your complaint {{reference}} have moved:

{{#moved_clocks}}
- The time limit for {{.clock}}: now {{.new_due_date}} (before: {{.previous_due_date}})
{{/moved_clocks}}

Nothing else about your complaint has changed. If you have any questions, contact {{caseworker_name}}, quoting the reference above.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "corrected_due_dates.complainant.es.mustache": #"""
Subject: [{{reference}}] Fechas corregidas de su queja

Estimado/a {{recipient_name}}:

Nuestro calendario laboral ha cambiado (se ha añadido o suprimido un día festivo, o han cambiado nuestros días laborables), por lo que algunas fechas que le indicamos para su queja {{reference}} se han movido:

{{#moved_clocks}}
- El plazo para {{.clock}}: ahora el {{.new_due_date}} (antes: {{.previous_due_date}})
{{/moved_clocks}}

Nada más ha cambiado en su queja. Si tiene alguna pregunta, póngase en contacto con {{caseworker_name}} indicando la referencia.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "corrected_due_dates.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정 처리기한 변경 안내

{{recipient_name}} 님께

근무일 달력이 바뀌어(공휴일 추가·삭제 또는 근무 요일 변경) 진정 {{reference}}에 대해 안내해 드린 기한이 다음과 같이 바뀌었습니다.

{{#moved_clocks}}
- {{.clock}} 기한: {{.new_due_date}} (종전: {{.previous_due_date}})
{{/moved_clocks}}

그 밖에 진정에 관하여 바뀐 것은 없습니다. 궁금하신 점은 사건번호를 알려 주시고 담당자 {{caseworker_name}}에게 문의하여 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "corrected_due_dates.representative.en.mustache": #"""
Subject: [{{reference}}] Corrected dates for the complaint of {{complainant_name}}

Dear {{recipient_name}},

Our working calendar has changed (a public holiday was added or removed, or our working days changed), so dates we gave for the complaint {{reference}} of {{complainant_name}} have moved:

{{#moved_clocks}}
- The time limit for {{.clock}}: now {{.new_due_date}} (before: {{.previous_due_date}})
{{/moved_clocks}}

Nothing else about the complaint has changed. If you have any questions, contact {{caseworker_name}}, quoting the reference above.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "corrected_due_dates.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 처리기한 변경 안내

{{recipient_name}} 님께

근무일 달력이 바뀌어(공휴일 추가·삭제 또는 근무 요일 변경) {{complainant_name}} 님의 진정 {{reference}}에 대해 안내해 드린 기한이 다음과 같이 바뀌었습니다.

{{#moved_clocks}}
- {{.clock}} 기한: {{.new_due_date}} (종전: {{.previous_due_date}})
{{/moved_clocks}}

그 밖에 진정에 관하여 바뀐 것은 없습니다. 궁금하신 점은 사건번호를 알려 주시고 담당자 {{caseworker_name}}에게 문의하여 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "decision.complainant.en.mustache": #"""
Subject: [{{reference}}] Our decision on your complaint

Dear {{recipient_name}},

We have reached our decision on your complaint about {{respondent_name}}.

Outcome: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
To put things right, {{respondent_name}} should:
{{#remedies}}
- {{.description}}, by {{.due_date}}
{{/remedies}}

{{respondent_name}} must tell us by {{reply_due_date}} whether it accepts this and how it will do it. We will check that each remedy is carried out, and tell you if it is not.
{{/has_remedies}}
{{^has_remedies}}
We are not asking {{respondent_name}} to do anything further.
{{/has_remedies}}

If you think our decision is wrong, you can ask for a review within 20 working days of this letter: tell us why, quoting the reference above. If you are still unhappy after the review, you can take your complaint to the National Human Rights Commission.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "decision.complainant.es.mustache": #"""
Subject: [{{reference}}] Nuestra resolución sobre su queja

Estimado/a {{recipient_name}}:

Hemos adoptado nuestra resolución sobre su queja contra {{respondent_name}}.

Resultado: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
Para corregir la situación, {{respondent_name}} debe:
{{#remedies}}
- {{.description}}, a más tardar el {{.due_date}}
{{/remedies}}

{{respondent_name}} debe comunicarnos a más tardar el {{reply_due_date}} si lo acepta y cómo lo hará. Comprobaremos que se aplique cada medida y le avisaremos si no es así.
{{/has_remedies}}
{{^has_remedies}}
No pedimos a {{respondent_name}} que haga nada más.
{{/has_remedies}}

Si considera que nuestra resolución es errónea, puede pedir una revisión dentro de los 20 días hábiles siguientes a esta carta, explicándonos el motivo e indicando la referencia. Si sigue sin estar conforme después de la revisión, puede acudir a la Comisión Nacional de Derechos Humanos.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "decision.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정에 대한 결정 통지

{{recipient_name}} 님께

{{respondent_name}}에 관한 진정에 대하여 다음과 같이 결정하였습니다.

결정: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
잘못을 바로잡기 위해 {{respondent_name}}에 다음 사항을 권고합니다.
{{#remedies}}
- {{.description}} (기한: {{.due_date}})
{{/remedies}}

{{respondent_name}}은(는) {{reply_due_date}}까지 권고의 수용 여부와 이행 계획을 알려야 합니다. 저희는 각 권고가 이행되는지 확인하고, 이행되지 않으면 알려 드리겠습니다.
{{/has_remedies}}
{{^has_remedies}}
{{respondent_name}}에 추가로 요구하는 사항은 없습니다.
{{/has_remedies}}

결정에 동의하지 않으시면 이 통지를 받은 날부터 20근무일 안에 사건번호와 이유를 적어 재검토를 요청하실 수 있습니다. 재검토 결과에도 동의하지 않으시면 국가인권위원회에 진정하실 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "decision.representative.en.mustache": #"""
Subject: [{{reference}}] Our decision on the complaint of {{complainant_name}}

Dear {{recipient_name}},

We have reached our decision on the complaint of {{complainant_name}} about {{respondent_name}}.

Outcome: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
To put things right, {{respondent_name}} should:
{{#remedies}}
- {{.description}}, by {{.due_date}}
{{/remedies}}

{{respondent_name}} must tell us by {{reply_due_date}} whether it accepts this and how it will do it. We will check that each remedy is carried out, and tell you if it is not.
{{/has_remedies}}
{{^has_remedies}}
We are not asking {{respondent_name}} to do anything further.
{{/has_remedies}}

If you or {{complainant_name}} think our decision is wrong, you can ask for a review within 20 working days of this letter: tell us why, quoting the reference above. If you are still unhappy after the review, the complaint can be taken to the National Human Rights Commission.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "decision.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정에 대한 결정 통지

{{recipient_name}} 님께

{{complainant_name}} 님이 {{respondent_name}}에 관하여 제기한 진정에 대하여 다음과 같이 결정하였습니다.

결정: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
잘못을 바로잡기 위해 {{respondent_name}}에 다음 사항을 권고합니다.
{{#remedies}}
- {{.description}} (기한: {{.due_date}})
{{/remedies}}

{{respondent_name}}은(는) {{reply_due_date}}까지 권고의 수용 여부와 이행 계획을 알려야 합니다. 저희는 각 권고가 이행되는지 확인하고, 이행되지 않으면 알려 드리겠습니다.
{{/has_remedies}}
{{^has_remedies}}
{{respondent_name}}에 추가로 요구하는 사항은 없습니다.
{{/has_remedies}}

대리인이나 {{complainant_name}} 님께서 결정에 동의하지 않으시면 이 통지를 받은 날부터 20근무일 안에 사건번호와 이유를 적어 재검토를 요청하실 수 있습니다. 재검토 결과에도 동의하지 않으시면 국가인권위원회에 진정하실 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "decision.respondent.en.mustache": #"""
Subject: [{{reference}}] Our decision on the complaint concerning {{respondent_name}}

Dear {{recipient_name}},

We have reached our decision on the complaint {{reference}} concerning {{respondent_name}} about {{subject_matter}}.

Outcome: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
We recommend that {{respondent_name}}:
{{#remedies}}
- {{.description}}, by {{.due_date}}
{{/remedies}}

Please tell us by {{reply_due_date}} whether you accept each recommendation, with a plan and dates for carrying it out. If you do not accept a recommendation, give your reasons. We will ask for evidence that each one has been done.
{{/has_remedies}}
{{^has_remedies}}
We are not asking {{respondent_name}} to do anything further.
{{/has_remedies}}

If you think our decision is wrong, you can ask for a review within 20 working days of this letter: tell us why, quoting the reference above.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "decision.respondent.ko.mustache": #"""
Subject: [{{reference}}] 진정에 대한 결정 통지 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})에 대하여 다음과 같이 결정하였습니다.

결정: {{outcome}}

{{decision_summary}}

{{#has_remedies}}
{{respondent_name}}에 다음 사항을 권고합니다.
{{#remedies}}
- {{.description}} (기한: {{.due_date}})
{{/remedies}}

{{reply_due_date}}까지 각 권고의 수용 여부를 이행 계획 및 일정과 함께 알려 주십시오. 수용하지 않는 권고가 있으면 그 이유를 밝혀 주십시오. 각 권고의 이행 증빙을 요청할 예정입니다.
{{/has_remedies}}
{{^has_remedies}}
{{respondent_name}}에 추가로 요구하는 사항은 없습니다.
{{/has_remedies}}

결정에 이의가 있으면 이 통지를 받은 날부터 20근무일 안에 사건번호와 이유를 적어 재검토를 요청하실 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "escalation_to_supervisor.supervisor.en.mustache": #"""
Subject: [{{reference}}] Time limit breached: {{clock}}

{{recipient_name}},

The time limit for {{clock}} on case {{reference}} ended on {{due_date}} and has been breached.

Case: {{reference}}
Stage: {{stage}}
Assignee: {{assignee_name}}
Due date: {{due_date}}

The complainant has been sent a progress notice. Please review the case with the assignee and agree the next step. If the case is still overdue 10 working days after the due date, it will be listed for the ombudsperson.

{{office_name}} case system

"""#,
        "escalation_to_supervisor.supervisor.ko.mustache": #"""
Subject: [{{reference}}] 처리기한 경과: {{clock}}

{{recipient_name}} 님

사건 {{reference}}의 {{clock}} 기한이 {{due_date}}에 끝나 기한을 넘겼습니다.

사건번호: {{reference}}
현재 단계: {{stage}}
담당자: {{assignee_name}}
기한: {{due_date}}

진정인에게는 진행 상황 안내가 발송되었습니다. 담당자와 함께 사건을 검토하고 다음 조치를 정해 주십시오. 기한 후 10근무일이 지나도 처리되지 않으면 인권옴부즈맨 보고 대상에 오릅니다.

{{office_name}} 사건관리시스템

"""#,
        "extension_letter.complainant.en.mustache": #"""
Subject: [{{reference}}] We have extended a time limit on your complaint

Dear {{recipient_name}},

We have extended the time limit for {{clock}} on your complaint.

Previous date: {{previous_due_date}}
New date: {{new_due_date}}
Reason: {{extension_reason}}
Approved by: {{approved_by}}

We are sorry for the longer wait. If you are unhappy with this extension, you can ask the Ombudsperson to review it: write to us quoting the reference above. You can also take your complaint to the National Human Rights Commission at any time.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "extension_letter.complainant.es.mustache": #"""
Subject: [{{reference}}] Hemos ampliado un plazo de su queja

Estimado/a {{recipient_name}}:

Hemos ampliado el plazo para {{clock}} en su queja.

Fecha anterior: {{previous_due_date}}
Nueva fecha: {{new_due_date}}
Motivo: {{extension_reason}}
Aprobado por: {{approved_by}}

Lamentamos la espera. Si no está de acuerdo con esta ampliación, puede pedir a la Defensoría que la revise escribiéndonos con la referencia indicada. También puede acudir en cualquier momento a la Comisión Nacional de Derechos Humanos.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "extension_letter.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정 처리기한 연장 안내

{{recipient_name}} 님께

진정의 처리기한 가운데 다음 기한을 연장하였습니다.

대상: {{clock}}
종전 기한: {{previous_due_date}}
새 기한: {{new_due_date}}
연장 사유: {{extension_reason}}
승인: {{approved_by}}

기다리시게 해서 죄송합니다. 이번 연장에 동의하기 어려우시면 사건번호를 적어 인권옴부즈맨에게 검토를 요청하실 수 있습니다. 또한 언제든지 국가인권위원회에 진정하실 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "extension_letter.representative.en.mustache": #"""
Subject: [{{reference}}] We have extended a time limit on the complaint of {{complainant_name}}

Dear {{recipient_name}},

We have extended the time limit for {{clock}} on the complaint of {{complainant_name}}.

Previous date: {{previous_due_date}}
New date: {{new_due_date}}
Reason: {{extension_reason}}
Approved by: {{approved_by}}

We are sorry for the longer wait. If you or {{complainant_name}} are unhappy with this extension, you can ask the Ombudsperson to review it: write to us quoting the reference above. The complaint can also be taken to the National Human Rights Commission at any time.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "extension_letter.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 처리기한 연장 안내

{{recipient_name}} 님께

{{complainant_name}} 님 진정의 처리기한 가운데 다음 기한을 연장하였습니다.

대상: {{clock}}
종전 기한: {{previous_due_date}}
새 기한: {{new_due_date}}
연장 사유: {{extension_reason}}
승인: {{approved_by}}

기다리시게 해서 죄송합니다. 대리인이나 {{complainant_name}} 님께서 이번 연장에 동의하기 어려우시면 사건번호를 적어 인권옴부즈맨에게 검토를 요청하실 수 있습니다. 또한 언제든지 국가인권위원회에 진정하실 수 있습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "extension_letter.respondent.en.mustache": #"""
Subject: [{{reference}}] A time limit has been extended

Dear {{recipient_name}},

In the complaint {{reference}} concerning {{respondent_name}} about {{subject_matter}}, we have extended the time limit for {{clock}}.

Previous date: {{previous_due_date}}
New date: {{new_due_date}}
Reason: {{extension_reason}}
Approved by: {{approved_by}}

No further extension should be expected. If you have questions about it, write to us quoting the reference above.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "extension_letter.respondent.ko.mustache": #"""
Subject: [{{reference}}] 처리기한 연장 안내

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})의 다음 기한을 연장하였습니다.

대상: {{clock}}
종전 기한: {{previous_due_date}}
새 기한: {{new_due_date}}
연장 사유: {{extension_reason}}
승인: {{approved_by}}

추가 연장은 없을 것으로 보아 주십시오. 궁금한 점이 있으면 사건번호를 적어 문의해 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "hearing_notice.complainant.en.mustache": #"""
Subject: [{{reference}}] Notice of arbitration hearing

Dear {{recipient_name}},

The arbitration hearing on your complaint about {{respondent_name}} will take place as follows.

When: {{hearing_at}}
Where: {{hearing_place}}
Arbitrators:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

You may bring documents and witnesses, and someone to support or represent you. If you need an interpreter, step-free access or any other support, or cannot attend, tell {{caseworker_name}} as soon as possible.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "hearing_notice.complainant.es.mustache": #"""
Subject: [{{reference}}] Citación a la audiencia de arbitraje

Estimado/a {{recipient_name}}:

La audiencia de arbitraje sobre su queja contra {{respondent_name}} se celebrará como sigue.

Cuándo: {{hearing_at}}
Dónde: {{hearing_place}}
Árbitros:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

Puede aportar documentos y testigos, y venir acompañado/a de alguien que le apoye o le represente. Si necesita intérprete, acceso sin escalones u otro apoyo, o no puede asistir, avise cuanto antes a {{caseworker_name}}.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "hearing_notice.complainant.ko.mustache": #"""
Subject: [{{reference}}] 중재 심리기일 통지

{{recipient_name}} 님께

{{respondent_name}}에 관한 진정의 중재 심리를 다음과 같이 엽니다.

일시: {{hearing_at}}
장소: {{hearing_place}}
중재인:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

서류와 증인을 준비해 오실 수 있으며, 도움을 줄 사람이나 대리인과 함께 오셔도 됩니다. 통역, 휠체어 접근 등 지원이 필요하거나 참석하기 어려우시면 되도록 빨리 담당자({{caseworker_name}})에게 알려 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "hearing_notice.representative.en.mustache": #"""
Subject: [{{reference}}] Notice of arbitration hearing in the complaint of {{complainant_name}}

Dear {{recipient_name}},

The arbitration hearing on the complaint of {{complainant_name}} about {{respondent_name}} will take place as follows.

When: {{hearing_at}}
Where: {{hearing_place}}
Arbitrators:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

Documents and witnesses may be brought to the hearing. If {{complainant_name}} needs an interpreter, step-free access or any other support, or cannot attend, tell {{caseworker_name}} as soon as possible.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "hearing_notice.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 중재 심리기일 통지

{{recipient_name}} 님께

{{complainant_name}} 님이 {{respondent_name}}에 관하여 제기한 진정의 중재 심리를 다음과 같이 엽니다.

일시: {{hearing_at}}
장소: {{hearing_place}}
중재인:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

심리에 서류와 증인을 준비해 오실 수 있습니다. {{complainant_name}} 님께 통역, 휠체어 접근 등 지원이 필요하거나 참석하기 어려우시면 되도록 빨리 담당자({{caseworker_name}})에게 알려 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "hearing_notice.respondent.en.mustache": #"""
Subject: [{{reference}}] Notice of arbitration hearing for {{respondent_name}}

Dear {{recipient_name}},

The arbitration hearing on the complaint {{reference}} concerning {{respondent_name}} about {{subject_matter}} will take place as follows.

When: {{hearing_at}}
Where: {{hearing_place}}
Arbitrators:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

Please send the names of those who will attend for {{respondent_name}}, and any documents you will rely on, to {{caseworker_name}} before the hearing.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "hearing_notice.respondent.ko.mustache": #"""
Subject: [{{reference}}] 중재 심리기일 통지 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})의 중재 심리를 다음과 같이 엽니다.

일시: {{hearing_at}}
장소: {{hearing_place}}
중재인:
{{#arbitrators}}
- {{.}}
{{/arbitrators}}

{{respondent_name}} 측에서 참석할 분의 명단과 심리에서 제출할 서류를 심리 전에 담당자({{caseworker_name}})에게 보내 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "information_request.complainant.en.mustache": #"""
Subject: [{{reference}}] We need more information about your complaint

Dear {{recipient_name}},

To take your complaint {{reference}} further we need the following from you:

{{#information_needed}}
- {{.}}
{{/information_needed}}

Please send it by {{response_due_date}}. Until we receive it, the time limits for our own work on your complaint are paused; they restart on the day your reply arrives.

If we do not hear from you by {{response_due_date}}, we may continue on the information we have, or close the complaint because we do not have enough information. You can ask us to reopen it later.

If you need more time, or help in providing this information, contact {{caseworker_name}}. {{#by_email}}
You can reply to this email.
{{/by_email}}
{{#by_post}}
You can write to us quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "information_request.complainant.es.mustache": #"""
Subject: [{{reference}}] Necesitamos más información sobre su queja

Estimado/a {{recipient_name}}:

Para seguir tramitando su queja {{reference}} necesitamos que nos envíe lo siguiente:

{{#information_needed}}
- {{.}}
{{/information_needed}}

Envíelo a más tardar el {{response_due_date}}. Hasta que lo recibamos, los plazos de nuestro propio trabajo sobre su queja quedan suspendidos; se reanudan el día en que llegue su respuesta.

Si no recibimos noticias suyas antes del {{response_due_date}}, podremos continuar con la información de que disponemos o cerrar la queja por falta de información. Más adelante podrá pedirnos que la reabramos.

Si necesita más tiempo o ayuda para reunir esta información, póngase en contacto con {{caseworker_name}}.
{{#by_email}}
Puede responder a este correo.
{{/by_email}}
{{#by_post}}
Puede escribirnos indicando la referencia.
{{/by_post}}

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "information_request.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정 처리를 위한 자료 보완 요청

{{recipient_name}} 님께

진정({{reference}})을 계속 처리하려면 다음 자료가 필요합니다.

{{#information_needed}}
- {{.}}
{{/information_needed}}

{{response_due_date}}까지 보내 주십시오. 자료를 받을 때까지 저희의 처리기한은 정지되며, 회신이 도착한 날부터 다시 진행됩니다.

{{response_due_date}}까지 회신이 없으면 지금까지 확보한 자료만으로 처리하거나, 자료 부족으로 진정을 종결할 수 있습니다. 종결된 진정도 나중에 다시 열어 달라고 요청하실 수 있습니다.

기한 연장이 필요하거나 자료 준비에 도움이 필요하시면 담당자({{caseworker_name}})에게 연락해 주십시오.
{{#by_email}}
이 메일에 회신하셔도 됩니다.
{{/by_email}}
{{#by_post}}
사건번호를 적어 우편으로 보내 주셔도 됩니다.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "information_request.representative.en.mustache": #"""
Subject: [{{reference}}] We need more information about the complaint of {{complainant_name}}

Dear {{recipient_name}},

To take the complaint {{reference}} of {{complainant_name}} further we need the following:

{{#information_needed}}
- {{.}}
{{/information_needed}}

Please send it by {{response_due_date}}. Until we receive it, the time limits for our own work on the complaint are paused; they restart on the day your reply arrives.

If we do not hear from you by {{response_due_date}}, we may continue on the information we have, or close the complaint because we do not have enough information. It can be reopened later.

If you need more time, or help in providing this information, contact {{caseworker_name}}. {{#by_email}}
You can reply to this email.
{{/by_email}}
{{#by_post}}
You can write to us quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "information_request.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정에 관한 자료 보완 요청

{{recipient_name}} 님께

{{complainant_name}} 님의 진정({{reference}})을 계속 처리하려면 다음 자료가 필요합니다.

{{#information_needed}}
- {{.}}
{{/information_needed}}

{{response_due_date}}까지 보내 주십시오. 자료를 받을 때까지 저희의 처리기한은 정지되며, 회신이 도착한 날부터 다시 진행됩니다.

{{response_due_date}}까지 회신이 없으면 지금까지 확보한 자료만으로 처리하거나, 자료 부족으로 진정을 종결할 수 있습니다. 종결된 진정은 나중에 다시 열 수 있습니다.

기한 연장이 필요하거나 자료 준비에 도움이 필요하시면 담당자({{caseworker_name}})에게 연락해 주십시오.
{{#by_email}}
이 메일에 회신하셔도 됩니다.
{{/by_email}}
{{#by_post}}
사건번호를 적어 우편으로 보내 주셔도 됩니다.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "information_request.respondent.en.mustache": #"""
Subject: [{{reference}}] Request for information from {{respondent_name}}

Dear {{recipient_name}},

We are looking into a complaint concerning {{respondent_name}} about {{subject_matter}} (reference {{reference}}). We ask you for the following:

{{#information_needed}}
- {{.}}
{{/information_needed}}

Please send it by {{response_due_date}}. Our time limits keep running while we wait for a public body; if we do not receive the information by that date, we will escalate the matter in line with our published procedure.

If anything in this request is unclear, contact {{caseworker_name}}. {{#by_email}}
You can reply to this email.
{{/by_email}}
{{#by_post}}
You can write to us quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "information_request.respondent.ko.mustache": #"""
Subject: [{{reference}}] 자료 제출 요청 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})을 조사하고 있습니다. 다음 자료를 제출하여 주시기 바랍니다.

{{#information_needed}}
- {{.}}
{{/information_needed}}

제출 기한: {{response_due_date}}

공공기관의 회신을 기다리는 동안에도 처리기한은 정지되지 않습니다. 기한까지 자료를 받지 못하면 공개된 절차에 따라 상급 단계로 조치하겠습니다.

요청 내용에 궁금한 점이 있으면 담당자({{caseworker_name}})에게 문의해 주십시오.
{{#by_email}}
이 메일에 회신하셔도 됩니다.
{{/by_email}}
{{#by_post}}
사건번호를 적어 우편으로 보내 주셔도 됩니다.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "letter_to_head_of_body.head_of_body.en.mustache": #"""
Subject: [{{reference}}] Overdue reply from {{respondent_name}}

Dear {{recipient_name}},

I am writing to you as the head of {{respondent_name}} about the complaint {{reference}}, which concerns {{subject_matter}}.

The time limit for {{clock}} ended on {{due_date}}. We reminded your organisation when it passed, but we have still not received a reply, {{working_days_overdue}} working days later.

Please make sure that we receive it by {{final_due_date}}. If we do not, we will record {{respondent_name}} as not complying with our procedure and may name it in a public report to the Mayor and the City Council.

{{caseworker_name}} is handling the complaint and can answer any questions.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "letter_to_head_of_body.head_of_body.ko.mustache": #"""
Subject: [{{reference}}] {{respondent_name}}의 회신 지연에 관한 협조 요청

{{recipient_name}} 귀하

{{respondent_name}}의 기관장께 진정({{reference}}, 진정 요지: {{subject_matter}})에 관하여 말씀드립니다.

{{clock}} 기한은 {{due_date}}에 끝났습니다. 기한이 지났을 때 기관에 안내하였으나, {{working_days_overdue}}근무일이 지난 지금까지 회신을 받지 못하였습니다.

{{final_due_date}}까지 회신이 도착하도록 조치하여 주시기 바랍니다. 그때까지 회신이 없으면 {{respondent_name}}의 절차 불이행으로 기록하고, 시장과 시의회에 제출하는 공개 보고서에 기관명을 밝힐 수 있습니다.

문의 사항은 이 진정을 맡은 담당자({{caseworker_name}})에게 해 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "mediation_offer.complainant.en.mustache": #"""
Subject: [{{reference}}] Offer of mediation

Dear {{recipient_name}},

We offer mediation to help you and {{respondent_name}} settle your complaint by agreement.

How mediation works
- It is voluntary: both sides must agree to take part, and either side may end it.
- It is confidential: what is said in mediation is not used as evidence in any later decision without your agreement.
- An independent mediator helps both sides agree what should be done to put things right, and by when. What is agreed is followed up by us.

Please tell us by {{acceptance_due_date}} whether you accept. If we do not have an answer from both sides by then, we will treat the offer as declined and continue to deal with your complaint in another way.

If you have questions, contact {{caseworker_name}}. {{#by_email}}
Please reply to this email with your answer.
{{/by_email}}
{{#by_post}}
Please write to us with your answer, quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "mediation_offer.complainant.es.mustache": #"""
Subject: [{{reference}}] Oferta de mediación

Estimado/a {{recipient_name}}:

Le ofrecemos una mediación para que usted y {{respondent_name}} puedan resolver su queja de mutuo acuerdo.

Cómo funciona la mediación
- Es voluntaria: ambas partes deben aceptar participar, y cualquiera de ellas puede ponerle fin.
- Es confidencial: lo que se diga en la mediación no se utilizará como prueba en ninguna resolución posterior sin su consentimiento.
- Una persona mediadora independiente ayuda a ambas partes a acordar qué debe hacerse para corregir la situación y en qué plazo. Nosotros comprobamos que se cumpla lo acordado.

Díganos a más tardar el {{acceptance_due_date}} si acepta. Si para entonces no tenemos respuesta de ambas partes, consideraremos rechazada la oferta y seguiremos tramitando su queja de otra manera.

Si tiene preguntas, póngase en contacto con {{caseworker_name}}.
{{#by_email}}
Responda a este correo con su respuesta.
{{/by_email}}
{{#by_post}}
Escríbanos con su respuesta, indicando la referencia.
{{/by_post}}

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "mediation_offer.complainant.ko.mustache": #"""
Subject: [{{reference}}] 조정 제안

{{recipient_name}} 님께

진정인과 {{respondent_name}} 사이의 합의로 진정을 해결할 수 있도록 조정을 제안합니다.

조정 절차
- 자발적인 절차입니다. 양측이 모두 동의해야 시작되며, 어느 쪽이든 언제든지 그만둘 수 있습니다.
- 비공개 절차입니다. 조정 중에 나온 말은 진정인의 동의 없이 이후의 어떤 결정에서도 증거로 쓰이지 않습니다.
- 중립적인 조정인이 무엇을 언제까지 바로잡을지 양측이 합의하도록 돕습니다. 합의된 내용은 저희가 이행 여부를 확인합니다.

{{acceptance_due_date}}까지 조정에 응하실지 알려 주십시오. 그때까지 양측의 답변을 모두 받지 못하면 제안이 거절된 것으로 보고 다른 방식으로 진정을 계속 처리하겠습니다.

궁금한 점은 담당자({{caseworker_name}})에게 문의해 주십시오.
{{#by_email}}
이 메일에 회신하여 답변해 주십시오.
{{/by_email}}
{{#by_post}}
사건번호를 적어 우편으로 답변해 주십시오.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "mediation_offer.representative.en.mustache": #"""
Subject: [{{reference}}] Offer of mediation in the complaint of {{complainant_name}}

Dear {{recipient_name}},

We offer mediation to help {{complainant_name}} and {{respondent_name}} settle the complaint by agreement.

How mediation works
- It is voluntary: both sides must agree to take part, and either side may end it.
- It is confidential: what is said in mediation is not used as evidence in any later decision without the agreement of the parties.
- An independent mediator helps both sides agree what should be done to put things right, and by when. What is agreed is followed up by us.

Please tell us by {{acceptance_due_date}} whether {{complainant_name}} accepts. If we do not have an answer from both sides by then, we will treat the offer as declined and continue to deal with the complaint in another way.

If you have questions, contact {{caseworker_name}}. {{#by_email}}
Please reply to this email with your answer.
{{/by_email}}
{{#by_post}}
Please write to us with your answer, quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "mediation_offer.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정에 관한 조정 제안

{{recipient_name}} 님께

{{complainant_name}} 님과 {{respondent_name}} 사이의 합의로 진정을 해결할 수 있도록 조정을 제안합니다.

조정 절차
- 자발적인 절차입니다. 양측이 모두 동의해야 시작되며, 어느 쪽이든 언제든지 그만둘 수 있습니다.
- 비공개 절차입니다. 조정 중에 나온 말은 당사자의 동의 없이 이후의 어떤 결정에서도 증거로 쓰이지 않습니다.
- 중립적인 조정인이 무엇을 언제까지 바로잡을지 양측이 합의하도록 돕습니다. 합의된 내용은 저희가 이행 여부를 확인합니다.

{{acceptance_due_date}}까지 {{complainant_name}} 님이 조정에 응하실지 알려 주십시오. 그때까지 양측의 답변을 모두 받지 못하면 제안이 거절된 것으로 보고 다른 방식으로 진정을 계속 처리하겠습니다.

궁금한 점은 담당자({{caseworker_name}})에게 문의해 주십시오.
{{#by_email}}
이 메일에 회신하여 답변해 주십시오.
{{/by_email}}
{{#by_post}}
사건번호를 적어 우편으로 답변해 주십시오.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "mediation_offer.respondent.en.mustache": #"""
Subject: [{{reference}}] Offer of mediation to {{respondent_name}}

Dear {{recipient_name}},

We offer mediation between {{respondent_name}} and the person who complained to us about {{subject_matter}}, to settle the complaint {{reference}} by agreement.

How mediation works
- It is voluntary: both sides must agree to take part, and either side may end it.
- It is confidential: what is said in mediation is not used as evidence in any later decision without the agreement of the parties.
- An independent mediator helps both sides agree what should be done, and by when. What is agreed is followed up by us.

Please tell us by {{acceptance_due_date}} whether {{respondent_name}} accepts. Without an answer by then we will treat the offer as declined and continue to deal with the complaint in another way, which may be an investigation.

If you have questions, contact {{caseworker_name}}. {{#by_email}}
Please reply to this email with your answer.
{{/by_email}}
{{#by_post}}
Please write to us with your answer, quoting the reference above.
{{/by_post}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "mediation_offer.respondent.ko.mustache": #"""
Subject: [{{reference}}] 조정 제안 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})을 진정인과의 합의로 해결할 수 있도록 조정을 제안합니다.

조정 절차
- 자발적인 절차입니다. 양측이 모두 동의해야 시작되며, 어느 쪽이든 언제든지 그만둘 수 있습니다.
- 비공개 절차입니다. 조정 중에 나온 말은 당사자의 동의 없이 이후의 어떤 결정에서도 증거로 쓰이지 않습니다.
- 중립적인 조정인이 무엇을 언제까지 할지 양측이 합의하도록 돕습니다. 합의된 내용은 저희가 이행 여부를 확인합니다.

{{acceptance_due_date}}까지 조정에 응하실지 알려 주십시오. 그때까지 답변이 없으면 제안이 거절된 것으로 보고 조사 등 다른 방식으로 진정을 계속 처리하겠습니다.

궁금한 점은 담당자({{caseworker_name}})에게 문의해 주십시오.
{{#by_email}}
이 메일에 회신하여 답변해 주십시오.
{{/by_email}}
{{#by_post}}
사건번호를 적어 우편으로 답변해 주십시오.
{{/by_post}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "mediation_outcome.complainant.en.mustache": #"""
Subject: [{{reference}}] Result of mediation

Dear {{recipient_name}},

{{#settled}}
Mediation between you and {{respondent_name}} has ended in an agreement. {{respondent_name}} has agreed to do the following:

{{#terms}}
- {{.description}}, by {{.due_date}}
{{/terms}}

We will check that each of these is done on time, and tell you if it is not.
{{/settled}}
{{^settled}}
Mediation between you and {{respondent_name}} has ended without an agreement. What was said in mediation stays confidential. We will now continue to deal with your complaint by {{next_route}}, and will write to you about the next steps.
{{/settled}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "mediation_outcome.complainant.es.mustache": #"""
Subject: [{{reference}}] Resultado de la mediación

Estimado/a {{recipient_name}}:

{{#settled}}
La mediación entre usted y {{respondent_name}} ha terminado con un acuerdo. {{respondent_name}} se ha comprometido a:

{{#terms}}
- {{.description}}, a más tardar el {{.due_date}}
{{/terms}}

Comprobaremos que cada compromiso se cumpla a tiempo y le avisaremos si no es así.
{{/settled}}
{{^settled}}
La mediación entre usted y {{respondent_name}} ha terminado sin acuerdo. Lo dicho en la mediación sigue siendo confidencial. Seguiremos tramitando su queja mediante {{next_route}} y le escribiremos sobre los próximos pasos.
{{/settled}}

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "mediation_outcome.complainant.ko.mustache": #"""
Subject: [{{reference}}] 조정 결과 안내

{{recipient_name}} 님께

{{#settled}}
진정인과 {{respondent_name}} 사이의 조정이 합의로 끝났습니다. {{respondent_name}}에서 다음 사항을 이행하기로 합의하였습니다.

{{#terms}}
- {{.description}} (기한: {{.due_date}})
{{/terms}}

각 사항이 기한 안에 이행되는지 저희가 확인하고, 이행되지 않으면 알려 드리겠습니다.
{{/settled}}
{{^settled}}
진정인과 {{respondent_name}} 사이의 조정이 합의 없이 끝났습니다. 조정 중에 나온 말은 계속 비공개로 유지됩니다. 앞으로 다음 방식으로 진정을 계속 처리하며, 다음 절차는 따로 알려 드리겠습니다.

처리 방식: {{next_route}}
{{/settled}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "mediation_outcome.representative.en.mustache": #"""
Subject: [{{reference}}] Result of mediation in the complaint of {{complainant_name}}

Dear {{recipient_name}},

{{#settled}}
Mediation between {{complainant_name}} and {{respondent_name}} has ended in an agreement. {{respondent_name}} has agreed to do the following:

{{#terms}}
- {{.description}}, by {{.due_date}}
{{/terms}}

We will check that each of these is done on time, and tell you if it is not.
{{/settled}}
{{^settled}}
Mediation between {{complainant_name}} and {{respondent_name}} has ended without an agreement. What was said in mediation stays confidential. We will now continue to deal with the complaint by {{next_route}}, and will write to you about the next steps.
{{/settled}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "mediation_outcome.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 조정 결과 안내

{{recipient_name}} 님께

{{#settled}}
{{complainant_name}} 님과 {{respondent_name}} 사이의 조정이 합의로 끝났습니다. {{respondent_name}}에서 다음 사항을 이행하기로 합의하였습니다.

{{#terms}}
- {{.description}} (기한: {{.due_date}})
{{/terms}}

각 사항이 기한 안에 이행되는지 저희가 확인하고, 이행되지 않으면 알려 드리겠습니다.
{{/settled}}
{{^settled}}
{{complainant_name}} 님과 {{respondent_name}} 사이의 조정이 합의 없이 끝났습니다. 조정 중에 나온 말은 계속 비공개로 유지됩니다. 앞으로 다음 방식으로 진정을 계속 처리하며, 다음 절차는 따로 알려 드리겠습니다.

처리 방식: {{next_route}}
{{/settled}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "mediation_outcome.respondent.en.mustache": #"""
Subject: [{{reference}}] Result of mediation with {{respondent_name}}

Dear {{recipient_name}},

{{#settled}}
Mediation in the complaint {{reference}} about {{subject_matter}} has ended in an agreement. {{respondent_name}} has agreed to do the following:

{{#terms}}
- {{.description}}, by {{.due_date}}
{{/terms}}

Please send us evidence that each of these has been done by its date. We will check it and record whether it was done on time.
{{/settled}}
{{^settled}}
Mediation in the complaint {{reference}} about {{subject_matter}} has ended without an agreement. What was said in mediation stays confidential. We will now continue to deal with the complaint by {{next_route}}, and will write to you about the next steps.
{{/settled}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "mediation_outcome.respondent.ko.mustache": #"""
Subject: [{{reference}}] 조정 결과 안내 ({{respondent_name}})

{{recipient_name}} 귀하

{{#settled}}
진정({{reference}}, 진정 요지: {{subject_matter}})에 관한 조정이 합의로 끝났습니다. {{respondent_name}}에서 다음 사항을 이행하기로 합의하였습니다.

{{#terms}}
- {{.description}} (기한: {{.due_date}})
{{/terms}}

각 사항을 이행한 증빙을 기한까지 보내 주십시오. 저희가 확인하여 기한 내 이행 여부를 기록합니다.
{{/settled}}
{{^settled}}
진정({{reference}}, 진정 요지: {{subject_matter}})에 관한 조정이 합의 없이 끝났습니다. 조정 중에 나온 말은 계속 비공개로 유지됩니다. 앞으로 다음 방식으로 진정을 계속 처리하며, 다음 절차는 따로 알려 드리겠습니다.

처리 방식: {{next_route}}
{{/settled}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "non_compliance_notice.complainant.en.mustache": #"""
Subject: [{{reference}}] {{respondent_name}} has not complied

Dear {{recipient_name}},

The time limit for {{clock}} on your complaint ended on {{due_date}}. Despite our reminders, {{respondent_name}} has not complied, and we have now formally recorded it as not complying.

We will include this in our public report on non-compliance to the Mayor and the City Council, and we will continue to press {{respondent_name}} to act. {{caseworker_name}} will tell you of any response.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "non_compliance_notice.complainant.es.mustache": #"""
Subject: [{{reference}}] {{respondent_name}} no ha cumplido

Estimado/a {{recipient_name}}:

El plazo para {{clock}} en su queja venció el {{due_date}}. Pese a nuestros recordatorios, {{respondent_name}} no ha cumplido, y lo hemos registrado formalmente como incumplimiento.

Lo incluiremos en nuestro informe público sobre incumplimientos dirigido a la Alcaldía y al Concejo Municipal, y seguiremos instando a {{respondent_name}} a actuar. {{caseworker_name}} le informará de cualquier respuesta.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "non_compliance_notice.complainant.ko.mustache": #"""
Subject: [{{reference}}] 피진정기관 불이행 안내

{{recipient_name}} 님께

진정의 {{clock}} 기한이 {{due_date}}에 끝났습니다. 여러 차례 독촉하였으나 {{respondent_name}}에서 이행하지 않아 공식적으로 불이행으로 기록하였습니다.

이 사실은 시장과 시의회에 제출하는 불이행 공개 보고서에 포함되며, 저희는 {{respondent_name}}에 계속 이행을 촉구하겠습니다. 회신이 오면 담당자({{caseworker_name}})가 알려 드리겠습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "non_compliance_notice.head_of_body.en.mustache": #"""
Subject: [{{reference}}] Non-compliance recorded for {{respondent_name}}

Dear {{recipient_name}},

I wrote to you as the head of {{respondent_name}} about the complaint {{reference}}, which concerns {{subject_matter}}. The time limit for {{clock}} ended on {{due_date}}, and we have still received no reply. We have now formally recorded {{respondent_name}} as not complying.

This will be included in our public report on non-compliance to the Mayor and the City Council. If {{respondent_name}} can still comply, please ask your staff to contact {{caseworker_name}} at once.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "non_compliance_notice.head_of_body.ko.mustache": #"""
Subject: [{{reference}}] 불이행 기록 통지 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}의 기관장께 진정({{reference}}, 진정 요지: {{subject_matter}})에 관하여 앞서 공문을 드린 바 있습니다. {{clock}} 기한은 {{due_date}}에 끝났고 지금까지 회신을 받지 못하여, {{respondent_name}}의 불이행으로 공식 기록하였습니다.

이 사실은 시장과 시의회에 제출하는 불이행 공개 보고서에 포함됩니다. 지금이라도 이행할 수 있으면 담당 직원이 즉시 담당자({{caseworker_name}})에게 연락하도록 해 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "non_compliance_notice.representative.en.mustache": #"""
Subject: [{{reference}}] {{respondent_name}} has not complied in the complaint of {{complainant_name}}

Dear {{recipient_name}},

The time limit for {{clock}} on the complaint of {{complainant_name}} ended on {{due_date}}. Despite our reminders, {{respondent_name}} has not complied, and we have now formally recorded it as not complying.

We will include this in our public report on non-compliance to the Mayor and the City Council, and we will continue to press {{respondent_name}} to act. {{caseworker_name}} will tell you of any response.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "non_compliance_notice.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 피진정기관 불이행 안내

{{recipient_name}} 님께

{{complainant_name}} 님 진정의 {{clock}} 기한이 {{due_date}}에 끝났습니다. 여러 차례 독촉하였으나 {{respondent_name}}에서 이행하지 않아 공식적으로 불이행으로 기록하였습니다.

이 사실은 시장과 시의회에 제출하는 불이행 공개 보고서에 포함되며, 저희는 {{respondent_name}}에 계속 이행을 촉구하겠습니다. 회신이 오면 담당자({{caseworker_name}})가 알려 드리겠습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "non_compliance_notice.respondent.en.mustache": #"""
Subject: [{{reference}}] Non-compliance recorded for {{respondent_name}}

Dear {{recipient_name}},

In the complaint {{reference}} about {{subject_matter}}, the time limit for {{clock}} ended on {{due_date}}. Despite our reminders, we have received no reply from {{respondent_name}}, and we have now formally recorded it as not complying.

This will be included in our public report on non-compliance to the Mayor and the City Council. If {{respondent_name}} can still comply, contact {{caseworker_name}} at once.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "non_compliance_notice.respondent.ko.mustache": #"""
Subject: [{{reference}}] 불이행 기록 통지 ({{respondent_name}})

{{recipient_name}} 귀하

진정({{reference}}, 진정 요지: {{subject_matter}})과 관련한 {{clock}} 기한이 {{due_date}}에 끝났습니다. 여러 차례 독촉하였으나 {{respondent_name}}의 회신이 없어 공식적으로 불이행으로 기록하였습니다.

이 사실은 시장과 시의회에 제출하는 불이행 공개 보고서에 포함됩니다. 지금이라도 이행할 수 있으면 즉시 담당자({{caseworker_name}})에게 연락해 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "ombudsperson_listing.ombudsperson.en.mustache": #"""
Subject: [{{reference}}] Listed for the ombudsperson: {{clock}} {{working_days_overdue}} working days overdue

{{recipient_name}},

Case {{reference}} is listed for your attention: the time limit for {{clock}} ended on {{due_date}} and is now {{working_days_overdue}} working days overdue.

Case: {{reference}}
Stage: {{stage}}
Assignee: {{assignee_name}}
Due date: {{due_date}}
Working days overdue: {{working_days_overdue}}

The supervisor was told when the time limit was breached.

{{office_name}} case system

"""#,
        "ombudsperson_listing.ombudsperson.ko.mustache": #"""
Subject: [{{reference}}] 인권옴부즈맨 보고: {{clock}} 기한 {{working_days_overdue}}근무일 경과

{{recipient_name}} 님

사건 {{reference}}을(를) 보고드립니다. {{clock}} 기한이 {{due_date}}에 끝났고, 현재 {{working_days_overdue}}근무일이 지났습니다.

사건번호: {{reference}}
현재 단계: {{stage}}
담당자: {{assignee_name}}
기한: {{due_date}}
경과 근무일: {{working_days_overdue}}

기한이 지났을 때 관리자에게 통보되었습니다.

{{office_name}} 사건관리시스템

"""#,
        "progress_update.complainant.en.mustache": #"""
Subject: [{{reference}}] Progress on your complaint

Dear {{recipient_name}},

Here is an update on your complaint {{reference}}. It is now at the stage of {{stage}}.

{{#progress_summary}}
{{progress_summary}}

{{/progress_summary}}
{{#breached}}
We are sorry that we did not keep to the time limit for {{missed_clock}}, which ended on {{missed_due_date}}. The delay has been reported to a supervisor.

{{/breached}}
We now expect the next step by {{next_due_date}}. We will write to you again within 20 working days, and sooner if anything changes. Your contact is {{caseworker_name}}.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "progress_update.complainant.es.mustache": #"""
Subject: [{{reference}}] Situación de su queja

Estimado/a {{recipient_name}}:

Le informamos sobre su queja {{reference}}, que se encuentra en la fase de {{stage}}.

{{#progress_summary}}
{{progress_summary}}

{{/progress_summary}}
{{#breached}}
Lamentamos no haber respetado el plazo para {{missed_clock}}, que vencía el {{missed_due_date}}. El retraso se ha comunicado a una persona supervisora.

{{/breached}}
Prevemos el siguiente paso a más tardar el {{next_due_date}}. Volveremos a escribirle dentro de 20 días hábiles, o antes si hay novedades. Su persona de contacto es {{caseworker_name}}.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "progress_update.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정 처리 진행 상황 안내

{{recipient_name}} 님께

진정({{reference}})의 진행 상황을 알려 드립니다.

현재 단계: {{stage}}

{{#progress_summary}}
{{progress_summary}}

{{/progress_summary}}
{{#breached}}
{{missed_clock}} 기한({{missed_due_date}})을 지키지 못하여 죄송합니다. 이 지연은 관리자에게 보고되었습니다.

{{/breached}}
다음 단계는 {{next_due_date}}까지 진행될 예정입니다. 20근무일 안에 다시 소식을 전해 드리며, 변동이 있으면 더 일찍 알려 드리겠습니다. 담당자는 {{caseworker_name}}입니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "progress_update.representative.en.mustache": #"""
Subject: [{{reference}}] Progress on the complaint of {{complainant_name}}

Dear {{recipient_name}},

Here is an update on the complaint {{reference}} of {{complainant_name}}. It is now at the stage of {{stage}}.

{{#progress_summary}}
{{progress_summary}}

{{/progress_summary}}
{{#breached}}
We are sorry that we did not keep to the time limit for {{missed_clock}}, which ended on {{missed_due_date}}. The delay has been reported to a supervisor.

{{/breached}}
We now expect the next step by {{next_due_date}}. We will write to you again within 20 working days, and sooner if anything changes. Your contact is {{caseworker_name}}.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "progress_update.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 진행 상황 안내

{{recipient_name}} 님께

{{complainant_name}} 님 진정({{reference}})의 진행 상황을 알려 드립니다.

현재 단계: {{stage}}

{{#progress_summary}}
{{progress_summary}}

{{/progress_summary}}
{{#breached}}
{{missed_clock}} 기한({{missed_due_date}})을 지키지 못하여 죄송합니다. 이 지연은 관리자에게 보고되었습니다.

{{/breached}}
다음 단계는 {{next_due_date}}까지 진행될 예정입니다. 20근무일 안에 다시 소식을 전해 드리며, 변동이 있으면 더 일찍 알려 드리겠습니다. 담당자는 {{caseworker_name}}입니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "remedy_reminder.respondent.en.mustache": #"""
Subject: [{{reference}}] Reminder: remedies due from {{respondent_name}}

Dear {{recipient_name}},

In the complaint {{reference}} about {{subject_matter}}, {{respondent_name}} agreed to carry out the following remedies:

{{#remedies}}
- {{.description}}, by {{.due_date}}
{{/remedies}}

Please send {{caseworker_name}} evidence that each remedy has been carried out by its date. If a remedy cannot be delivered on time, tell us now, with your reasons and the date by which it will be done.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "remedy_reminder.respondent.ko.mustache": #"""
Subject: [{{reference}}] 구제 조치 이행 기한 안내 ({{respondent_name}})

{{recipient_name}} 귀하

진정({{reference}}, 진정 요지: {{subject_matter}})과 관련하여 {{respondent_name}}에서 다음 구제 조치를 이행하기로 하였습니다.

{{#remedies}}
- {{.description}} (기한: {{.due_date}})
{{/remedies}}

각 조치를 기한까지 이행하고 그 증빙을 담당자({{caseworker_name}})에게 보내 주십시오. 기한 안에 이행할 수 없는 조치가 있으면 그 사유와 이행 예정일을 지금 알려 주십시오.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "respondent_reminder.respondent.en.mustache": #"""
Subject: [{{reference}}] Reminder: overdue reply from {{respondent_name}}

Dear {{recipient_name}},

In the complaint {{reference}} about {{subject_matter}}, the time limit for {{clock}} ended on {{due_date}}, and we have not yet heard from {{respondent_name}}.

Please reply to {{caseworker_name}} as soon as possible. If we have not heard from you within 10 working days of the due date, we will write to the head of your organisation; after 30 working days we will record {{respondent_name}} as not complying, which we report publicly.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "respondent_reminder.respondent.ko.mustache": #"""
Subject: [{{reference}}] 회신 기한 경과 안내 ({{respondent_name}})

{{recipient_name}} 귀하

진정({{reference}}, 진정 요지: {{subject_matter}})과 관련한 {{clock}} 기한이 {{due_date}}에 끝났으나, 아직 {{respondent_name}}의 회신을 받지 못하였습니다.

되도록 빨리 담당자({{caseworker_name}})에게 회신해 주십시오. 기한 후 10근무일 안에 회신이 없으면 기관장에게 공문을 보내며, 30근무일이 지나면 {{respondent_name}}의 불이행으로 기록하고 이를 공개 보고합니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "route_decision.complainant.en.mustache": #"""
Subject: [{{reference}}] How we will deal with your complaint

Dear {{recipient_name}},

We have assessed your complaint about {{respondent_name}} and decided to deal with it by {{route}}.

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
We will ask {{respondent_name}} to put things right quickly. We aim to finish this stage by {{next_due_date}}; if it does not resolve your complaint, we will consider mediation or an investigation.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
We will offer mediation to you and to {{respondent_name}}; you will receive a separate offer explaining how it works. We aim to finish by {{next_due_date}}.
{{/route_is_mediation}}
{{#route_is_investigation}}
We will investigate your complaint, ask {{respondent_name}} for its written response and look at the evidence from both sides. We aim to reach a decision by {{next_due_date}}.
{{/route_is_investigation}}

{{caseworker_name}} remains your contact. We will send you an update at least every 20 working days.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "route_decision.complainant.es.mustache": #"""
Subject: [{{reference}}] Cómo vamos a tramitar su queja

Estimado/a {{recipient_name}}:

Hemos examinado su queja sobre {{respondent_name}} y hemos decidido tramitarla mediante {{route}}.

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
Pediremos a {{respondent_name}} que corrija la situación con rapidez. Queremos terminar esta fase a más tardar el {{next_due_date}}; si así no se resuelve su queja, estudiaremos una mediación o una investigación.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
Ofreceremos una mediación a usted y a {{respondent_name}}; recibirá aparte una oferta que explica cómo funciona. Queremos terminar a más tardar el {{next_due_date}}.
{{/route_is_mediation}}
{{#route_is_investigation}}
Investigaremos su queja, pediremos a {{respondent_name}} su respuesta por escrito y examinaremos las pruebas de ambas partes. Queremos adoptar una resolución a más tardar el {{next_due_date}}.
{{/route_is_investigation}}

{{caseworker_name}} sigue siendo su persona de contacto. Le informaremos al menos cada 20 días hábiles.

Atentamente,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

Este aviso ha sido enviado automáticamente por el sistema de casos de {{office_name}}.
{{/automatic}}

"""#,
        "route_decision.complainant.ko.mustache": #"""
Subject: [{{reference}}] 진정 처리 방식 안내

{{recipient_name}} 님께

{{respondent_name}}에 관한 진정을 검토하고 처리 방식을 다음과 같이 정하였습니다.

처리 방식: {{route}}

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
{{respondent_name}}에 신속한 시정을 요청하겠습니다. 이 단계는 {{next_due_date}}까지 마치는 것을 목표로 하며, 이 단계에서 해결되지 않으면 조정이나 조사를 검토하겠습니다.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
진정인과 {{respondent_name}} 양측에 조정을 제안하겠습니다. 조정 절차를 설명하는 제안서를 따로 보내 드리며, {{next_due_date}}까지 마치는 것을 목표로 합니다.
{{/route_is_mediation}}
{{#route_is_investigation}}
진정을 조사하겠습니다. {{respondent_name}}에 서면 답변을 요구하고 양측의 자료를 검토하여 {{next_due_date}}까지 결정하는 것을 목표로 합니다.
{{/route_is_investigation}}

앞으로도 담당자({{caseworker_name}})가 연락드리며, 적어도 20근무일마다 진행 상황을 알려 드리겠습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "route_decision.representative.en.mustache": #"""
Subject: [{{reference}}] How we will deal with the complaint of {{complainant_name}}

Dear {{recipient_name}},

We have assessed the complaint of {{complainant_name}} about {{respondent_name}} and decided to deal with it by {{route}}.

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
We will ask {{respondent_name}} to put things right quickly. We aim to finish this stage by {{next_due_date}}; if it does not resolve the complaint, we will consider mediation or an investigation.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
We will offer mediation to {{complainant_name}} and to {{respondent_name}}; you will receive a separate offer explaining how it works. We aim to finish by {{next_due_date}}.
{{/route_is_mediation}}
{{#route_is_investigation}}
We will investigate the complaint, ask {{respondent_name}} for its written response and look at the evidence from both sides. We aim to reach a decision by {{next_due_date}}.
{{/route_is_investigation}}

{{caseworker_name}} remains your contact. We will send you an update at least every 20 working days.

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "route_decision.representative.ko.mustache": #"""
Subject: [{{reference}}] {{complainant_name}} 님 진정의 처리 방식 안내

{{recipient_name}} 님께

{{complainant_name}} 님이 {{respondent_name}}에 관하여 제기한 진정을 검토하고 처리 방식을 다음과 같이 정하였습니다.

처리 방식: {{route}}

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
{{respondent_name}}에 신속한 시정을 요청하겠습니다. 이 단계는 {{next_due_date}}까지 마치는 것을 목표로 하며, 이 단계에서 해결되지 않으면 조정이나 조사를 검토하겠습니다.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
{{complainant_name}} 님과 {{respondent_name}} 양측에 조정을 제안하겠습니다. 조정 절차를 설명하는 제안서를 따로 보내 드리며, {{next_due_date}}까지 마치는 것을 목표로 합니다.
{{/route_is_mediation}}
{{#route_is_investigation}}
진정을 조사하겠습니다. {{respondent_name}}에 서면 답변을 요구하고 양측의 자료를 검토하여 {{next_due_date}}까지 결정하는 것을 목표로 합니다.
{{/route_is_investigation}}

앞으로도 담당자({{caseworker_name}})가 연락드리며, 적어도 20근무일마다 진행 상황을 알려 드리겠습니다.

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "route_decision.respondent.en.mustache": #"""
Subject: [{{reference}}] How we will deal with the complaint concerning {{respondent_name}}

Dear {{recipient_name}},

We have assessed the complaint {{reference}} concerning {{respondent_name}} about {{subject_matter}}, and decided to deal with it by {{route}}.

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
{{caseworker_name}} will contact you to discuss how the matter could be put right quickly. We aim to finish this stage by {{next_due_date}}.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
You will receive a separate offer of mediation explaining how it works. We aim to finish by {{next_due_date}}.
{{/route_is_mediation}}
{{#route_is_investigation}}
We will write to you separately asking for your written response. We aim to reach a decision by {{next_due_date}}.
{{/route_is_investigation}}

Yours sincerely,

{{#signatory}}
{{.name}}
{{.title}}
{{/signatory}}
{{office_name}}
{{#automatic}}

This notice was sent automatically by the case system of {{office_name}}.
{{/automatic}}

"""#,
        "route_decision.respondent.ko.mustache": #"""
Subject: [{{reference}}] 진정 처리 방식 안내 ({{respondent_name}})

{{recipient_name}} 귀하

{{respondent_name}}에 관한 진정({{reference}}, 진정 요지: {{subject_matter}})을 검토하고 처리 방식을 다음과 같이 정하였습니다.

처리 방식: {{route}}

{{#route_reasons}}
{{route_reasons}}

{{/route_reasons}}
{{#route_is_early_resolution}}
담당자({{caseworker_name}})가 신속한 시정 방안을 협의하기 위해 연락드리겠습니다. 이 단계는 {{next_due_date}}까지 마치는 것을 목표로 합니다.
{{/route_is_early_resolution}}
{{#route_is_mediation}}
조정 절차를 설명하는 제안서를 따로 보내 드리겠습니다. {{next_due_date}}까지 마치는 것을 목표로 합니다.
{{/route_is_mediation}}
{{#route_is_investigation}}
서면 답변을 요청하는 공문을 따로 보내 드리겠습니다. {{next_due_date}}까지 결정하는 것을 목표로 합니다.
{{/route_is_investigation}}

{{#signatory}}
{{.title}} {{.name}}
{{/signatory}}
{{office_name}}
{{#automatic}}

이 안내는 {{office_name}} 사건관리시스템에서 자동으로 발송되었습니다.
{{/automatic}}

"""#,
        "warning_to_assignee.assignee.en.mustache": #"""
Subject: [{{reference}}] {{working_days_left}} working days left: {{clock}}

{{recipient_name}},

80% of the time allowed for {{clock}} on case {{reference}} has been used.

Case: {{reference}}
Stage: {{stage}}
Due date: {{due_date}}
Working days left: {{working_days_left}}

If the time limit cannot be met, ask for an extension before the due date; an extension cannot be approved once the time limit has passed.

{{office_name}} case system

"""#,
        "warning_to_assignee.assignee.ko.mustache": #"""
Subject: [{{reference}}] {{clock}} 기한까지 {{working_days_left}}근무일 남음

{{recipient_name}} 님

사건 {{reference}}의 {{clock}}에 주어진 기간의 80%가 지났습니다.

사건번호: {{reference}}
현재 단계: {{stage}}
기한: {{due_date}}
남은 근무일: {{working_days_left}}

기한을 지킬 수 없으면 기한 전에 연장을 신청하십시오. 기한이 지난 뒤에는 연장을 승인받을 수 없습니다.

{{office_name}} 사건관리시스템

"""#,
    ]
}
