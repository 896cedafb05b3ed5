package advanceai

import (
	"fmt"
	"sync"
	"testing"
)

// 16 goroutines share one client, each mixing every kind of call; every answer must be
// the right one for its own request.
func TestSharedClientFromSixteenGoroutines(t *testing.T) {
	c := newSandboxClient(t)
	passed := generate(t, c, uniqueID("shared"))
	complete(t, passed, "PASS")
	const goroutines, rounds = 16, 10
	errs := make(chan error, goroutines*rounds)
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				errs <- oneRound(c, passed, fmt.Sprintf("shared-%d-%d", g, i))
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func oneRound(c *Client, passed, bizID string) error {
	if _, err := c.Token(); err != nil {
		return err
	}
	v, err := c.VerifyIDNumber(verification(bizID, "00000000000"))
	if err != nil {
		return err
	}
	if v.ErrorCode != "NUMBER_NOT_EXIST" {
		return fmt.Errorf("%s: verification %v", bizID, v)
	}
	r, err := c.GetResult(passed)
	if err != nil {
		return err
	}
	if !r.Passed || r.SignatureID != passed {
		return fmt.Errorf("%s: get result %v", bizID, r)
	}
	u, err := c.GenerateURL(urlRequest(bizID))
	if err != nil {
		return err
	}
	pending, err := c.GetResult(u.SignatureID)
	if err != nil {
		return err
	}
	if pending.IsFinal || pending.SignatureID != u.SignatureID {
		return fmt.Errorf("%s: new transaction %v", bizID, pending)
	}
	return nil
}
