package nexmotest

// OwnedNumber is a number the account owns, with its webhooks.
type OwnedNumber struct {
	Number
	// MOHTTPURL is the webhook for inbound messages.
	MOHTTPURL string `json:"moHttpUrl,omitempty"`
	// VoiceCallbackType (sip, tel, app) and VoiceCallbackValue route calls.
	VoiceCallbackType  string `json:"voiceCallbackType,omitempty"`
	VoiceCallbackValue string `json:"voiceCallbackValue,omitempty"`
	// VoiceStatusCallback is the webhook for call events.
	VoiceStatusCallback string `json:"voiceStatusCallback,omitempty"`
	// MessagesCallbackType and MessagesCallbackValue route messages to an
	// application: "app" and AppID while AppID is set.
	MessagesCallbackType  string `json:"messagesCallbackType,omitempty"`
	MessagesCallbackValue string `json:"messagesCallbackValue,omitempty"`
	// AppID is the application the number is linked to.
	AppID string `json:"appId,omitempty"`
}

// Buy buys an available number: it charges the number's cost and moves it
// from the pool to the account. It fails with ErrMethodFailed when the
// number is not in the pool of that country, is owned already, or costs
// more than the balance.
func (f *Fake) Buy(country, msisdn string) error {
	n, ok := theCatalog.lookup(country, msisdn)
	if !ok {
		return failed("%s is not a number of %s", msisdn, country)
	}
	return f.update(func(d *data) error {
		if _, owned := d.owned[msisdn]; owned {
			return failed("%s is owned already", msisdn)
		}
		if d.balance < n.Cost {
			return failed("the balance is short of the cost of %s", msisdn)
		}
		d.balance -= n.Cost
		d.spent += n.Cost
		d.owned[msisdn] = OwnedNumber{Number: *n}
		return nil
	})
}

// Cancel gives an owned number back to the pool. There is no refund: Nexmo
// bills a number a month ahead and keeps what was paid. It fails with
// ErrMethodFailed when the account does not own the number.
func (f *Fake) Cancel(country, msisdn string) error {
	return f.update(func(d *data) error {
		o, owned := d.owned[msisdn]
		if !owned || o.Country != country {
			return failed("%s of %s is not owned", msisdn, country)
		}
		delete(d.owned, msisdn)
		return nil
	})
}

// NumberUpdate is a change to an owned number. A nil field is left as it is;
// an empty string clears.
type NumberUpdate struct {
	Country, MSISDN                       string
	AppID, MOHTTPURL                      *string
	VoiceCallbackType, VoiceCallbackValue *string
	VoiceStatusCallback                   *string
}

// UpdateNumber changes an owned number's webhooks and application; linking
// an application also routes its messages there. It fails with
// ErrMethodFailed when the account does not own the number.
func (f *Fake) UpdateNumber(u NumberUpdate) error {
	return f.update(func(d *data) error {
		o, owned := d.owned[u.MSISDN]
		if !owned || o.Country != u.Country {
			return failed("%s of %s is not owned", u.MSISDN, u.Country)
		}
		setIf(&o.AppID, u.AppID)
		setIf(&o.MOHTTPURL, u.MOHTTPURL)
		setIf(&o.VoiceCallbackType, u.VoiceCallbackType)
		setIf(&o.VoiceCallbackValue, u.VoiceCallbackValue)
		setIf(&o.VoiceStatusCallback, u.VoiceStatusCallback)
		o.MessagesCallbackType, o.MessagesCallbackValue = "", ""
		if o.AppID != "" {
			o.MessagesCallbackType, o.MessagesCallbackValue = "app", o.AppID
		}
		d.owned[u.MSISDN] = o
		return nil
	})
}

// Owned answers a page of the account's numbers that match q (Pattern,
// SearchPattern, Country, AppID, HasApplication, Size, Index), in numeric
// order.
func (f *Fake) Owned(q Query) Page[OwnedNumber] {
	var all []OwnedNumber
	f.read(func(d *data) {
		for _, o := range d.owned {
			if q.matchesOwned(&o) {
				all = append(all, o)
			}
		}
	})
	sortOwned(all)
	return paginate(all, q)
}

// Search answers a page of the numbers of q.Country still available to buy
// that match q (Pattern, SearchPattern, Features, Type, Size, Index), in
// numeric order. An unknown country has none.
func (f *Fake) Search(q Query) Page[Number] {
	var all []Number
	f.read(func(d *data) { all = d.available(&q) })
	return paginate(all, q)
}

// available lists the numbers of q.Country that are not owned and match q.
func (d *data) available(q *Query) []Number {
	var all []Number
	for _, n := range theCatalog.byCountry[q.Country] {
		if _, owned := d.owned[n.MSISDN]; !owned && q.matchesAvailable(n) {
			all = append(all, *n)
		}
	}
	return all
}
